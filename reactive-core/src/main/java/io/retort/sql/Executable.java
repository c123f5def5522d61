package io.retort.sql;

/**
 * A statement that a {@link io.retort.core.Connection} can execute: {@link TextClause} and, as Core grows,
 * select, insert, update, delete and DDL. Executables are immutable values: no I/O, no connection, safe to
 * share between threads and to reuse.
 *
 * <pre>{@code
 * Executable stmt = text("SELECT name FROM users WHERE id = :id");
 * engine.connect(conn -> conn.execute(stmt, Map.of("id", 5)));
 * }</pre>
 */
public interface Executable {

    /**
     * The key the engine caches this statement's compiled form under: equal keys must compile to the same SQL
     * and bind slots. It describes the statement's shape and never contains bound values.
     */
    Object cacheKey();

    /**
     * The statement to run with parameters named {@code names}: itself, except for statements that take their
     * shape from the parameters (an {@code insert(table)} without values becomes an INSERT of those columns).
     *
     * <pre>{@code
     * insert(users).forParameters(Set.of("id", "name"));   // INSERT INTO users (id, name) VALUES (:id, :name)
     * }</pre>
     */
    default Executable forParameters(java.util.Collection<String> names) {
        return this;
    }
}
