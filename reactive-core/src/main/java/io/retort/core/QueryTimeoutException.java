package io.retort.core;

/**
 * A statement ran longer than the database or driver allowed.
 *
 * <pre>{@code
 * conn.execute(text("SELECT pg_sleep(60)")).onErrorResume(QueryTimeoutException.class, e -> Flux.empty());
 * }</pre>
 */
public class QueryTimeoutException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public QueryTimeoutException(String message, String sql, String sqlState, Throwable cause) {
        super(message, sql, sqlState, cause);
    }
}
