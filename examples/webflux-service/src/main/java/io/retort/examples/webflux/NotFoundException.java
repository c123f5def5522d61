package io.retort.examples.webflux;

/**
 * A user or address that does not exist: answered with 404 by {@link ErrorHandling}.
 *
 * <pre>{@code
 * session.get(User.class, id).switchIfEmpty(Mono.error(new NotFoundException("user", id)));
 * }</pre>
 */
public final class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param what "user" or "address"
     * @param id the id asked for
     */
    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
