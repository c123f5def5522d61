package io.retort.core;

/**
 * The root of every exception Retort raises.
 *
 * <p>Errors that come from the database are {@link DatabaseException}s (they carry the SQL); errors in the
 * way Retort was called (a missing parameter, an unknown column) are {@link InvalidRequestException}s and
 * are raised before any I/O.
 *
 * <pre>{@code
 * engine.connect(c -> c.execute(text("SELECT 1"))).onErrorResume(RetortException.class, e -> ...);
 * }</pre>
 */
public class RetortException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RetortException(String message) {
        super(message);
    }

    public RetortException(String message, Throwable cause) {
        super(message, cause);
    }
}
