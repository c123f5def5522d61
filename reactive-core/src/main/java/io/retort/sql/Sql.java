package io.retort.sql;

/**
 * The one static entry point of Retort's SQL expression language, SQLAlchemy's {@code sqlalchemy.sql}
 * namespace. Import it statically.
 *
 * <pre>{@code
 * import static io.retort.sql.Sql.*;
 *
 * engine.connect(conn -> conn.execute(text("SELECT x, y FROM t WHERE y > :y"), Map.of("y", 2)));
 * }</pre>
 */
public final class Sql {
    private Sql() {}

    /**
     * Literal SQL with named {@code :parameters}; see {@link TextClause}.
     *
     * <pre>{@code
     * text("SELECT * FROM users WHERE name = :name")
     * // PostgreSQL, H2: SELECT * FROM users WHERE name = $1
     * // MariaDB:        SELECT * FROM users WHERE name = ?
     * }</pre>
     */
    public static TextClause text(String sql) {
        return new TextClause(sql);
    }
}
