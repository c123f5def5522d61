package io.retort.core;

/**
 * The database rejected the SQL text itself: a syntax error, an unknown table or column (SQLSTATE class 42;
 * SQLAlchemy's {@code ProgrammingError}).
 *
 * <pre>{@code
 * conn.execute(text("SELECT nope FROM users")).onErrorResume(SqlSyntaxException.class, e -> Flux.empty());
 * }</pre>
 */
public class SqlSyntaxException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public SqlSyntaxException(String message, String sql, String sqlState, Throwable cause) {
        super(message, sql, sqlState, cause);
    }
}
