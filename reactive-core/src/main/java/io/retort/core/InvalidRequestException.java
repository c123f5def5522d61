package io.retort.core;

/**
 * Retort was called in a way that cannot work: a missing or unknown bind parameter, an unknown column or
 * dialect, an operation on a closed connection. Raised early, before any statement reaches the database
 * (SQLAlchemy's {@code ArgumentError} / {@code InvalidRequestError}).
 *
 * <pre>{@code
 * conn.execute(text("SELECT * FROM t WHERE id = :id"), Map.of());
 * // -> InvalidRequestException: Missing value for bind parameter 'id' in: SELECT * FROM t WHERE id = :id
 * }</pre>
 */
public class InvalidRequestException extends RetortException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }

    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
