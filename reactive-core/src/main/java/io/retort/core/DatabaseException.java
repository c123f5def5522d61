package io.retort.core;

/**
 * The database (or its driver) refused a statement. Wraps the driver's exception as its cause and adds the
 * SQL that failed and the SQLSTATE, like SQLAlchemy's {@code DBAPIError}.
 *
 * <pre>{@code
 * conn.execute(text("SELEC 1")).onErrorResume(DatabaseException.class, e -> {
 *     log.warn("failed: {} (state {})", e.sql(), e.sqlState());
 *     return Flux.empty();
 * });
 * }</pre>
 */
public class DatabaseException extends RetortException {
    private static final long serialVersionUID = 1L;

    private final String sql;
    private final String sqlState;

    public DatabaseException(String message, String sql, String sqlState, Throwable cause) {
        super(describe(message, sql, sqlState), cause);
        this.sql = sql;
        this.sqlState = sqlState;
    }

    /** The SQL text that failed, or {@code null} when the failure was not tied to a statement. */
    public String sql() {
        return sql;
    }

    /** The SQLSTATE reported by the driver, or {@code null}. */
    public String sqlState() {
        return sqlState;
    }

    private static String describe(String message, String sql, String sqlState) {
        StringBuilder sb = new StringBuilder(message == null ? "database error" : message);
        if (sqlState != null && !sqlState.isEmpty()) {
            sb.append(" (SQLSTATE ").append(sqlState).append(')');
        }
        if (sql != null) {
            sb.append("\n[SQL: ").append(sql).append(']');
        }
        return sb.toString();
    }
}
