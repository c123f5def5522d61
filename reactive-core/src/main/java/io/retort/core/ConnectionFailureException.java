package io.retort.core;

/**
 * The database could not be reached, or the connection broke (SQLSTATE class 08, network errors).
 *
 * <pre>{@code
 * Engine.create("r2dbc:postgresql://127.0.0.1:1/test").connect(c -> c.execute(text("SELECT 1")))
 *       .onErrorResume(ConnectionFailureException.class, e -> Flux.empty());
 * }</pre>
 */
public class ConnectionFailureException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public ConnectionFailureException(String message, String sql, String sqlState, Throwable cause) {
        super(message, sql, sqlState, cause);
    }
}
