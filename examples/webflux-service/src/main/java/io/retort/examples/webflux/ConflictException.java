package io.retort.examples.webflux;

/**
 * A request that conflicts with data already stored (a name or e-mail taken): answered with 409 by
 * {@link ErrorHandling}; thrown inside a transaction, it rolls the whole transaction back.
 *
 * <pre>{@code
 * return Mono.error(new ConflictException("email sandy@sqlalchemy.org is taken"));
 * }</pre>
 */
public final class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is taken */
    public ConflictException(String message) {
        super(message);
    }
}
