package io.retort.dialect;

import io.retort.core.Connection;
import io.retort.core.Row;
import io.retort.schema.ForeignKeyConstraint;
import io.retort.schema.Index;
import io.retort.schema.PrimaryKeyConstraint;
import io.retort.schema.ReflectedColumn;
import io.retort.schema.UniqueConstraint;
import io.retort.sql.Sql;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A dialect's catalog queries (information_schema, pg_catalog), used by {@link io.retort.schema.Inspector},
 * {@code MetaData.reflect} and {@code createAll}'s existence checks. Each method runs on the connection it is
 * given; names it emits are normalised with {@link Dialect#normalizeName}, names it is given are Retort
 * spellings and are turned back into the database's with {@link #denormalize}. Values are always bound.
 *
 * <pre>{@code
 * engine.connect(conn -> engine.dialect().reflector().tableNames(conn, null));   // Flux<String>
 * }</pre>
 */
public abstract class Reflector {
    protected final Dialect dialect;

    /** The named parameters {@code :schema} and {@code :table} of a reflection query, for those given. */
    protected static java.util.Map<String, Object> nameParameters(String schema, String table) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        if (schema != null) {
            p.put("schema", schema);
        }
        if (table != null) {
            p.put("table", table);
        }
        return p;
    }

    /**
     * A referential action as information_schema reports it, with RESTRICT and NO ACTION (what MariaDB and H2 report
     * for a key declared without an action) read as "none declared".
     */
    protected static io.retort.schema.ReferentialAction declaredAction(String rule) {
        io.retort.schema.ReferentialAction a = io.retort.schema.ReferentialAction.fromSql(rule);
        return a == io.retort.schema.ReferentialAction.RESTRICT || a == io.retort.schema.ReferentialAction.NO_ACTION
                ? null
                : a;
    }

    protected Reflector(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The base tables of {@code schema} ({@code null}: the current schema). */
    public abstract Flux<String> tableNames(Connection conn, String schema);

    /** The columns of a table in order. */
    public abstract Flux<ReflectedColumn> columns(Connection conn, String schema, String table);

    /** The primary key, or empty. */
    public abstract Mono<PrimaryKeyConstraint> primaryKey(Connection conn, String schema, String table);

    /** The foreign keys; referred tables outside the current schema are given as {@code "schema.table"}. */
    public abstract Flux<ForeignKeyConstraint> foreignKeys(Connection conn, String schema, String table);

    /** The indexes that do not merely back a constraint. */
    public abstract Flux<Index> indexes(Connection conn, String schema, String table);

    /** The unique constraints. */
    public abstract Flux<UniqueConstraint> uniqueConstraints(Connection conn, String schema, String table);

    /** The sequences of {@code schema}. */
    public abstract Flux<String> sequenceNames(Connection conn, String schema);

    /** The native enum types of {@code schema} (PostgreSQL); none elsewhere. */
    public Flux<String> enumTypeNames(Connection conn, String schema) {
        return Flux.empty();
    }

    /** A Retort name as the database stores it (H2: {@code users} becomes {@code USERS}). */
    public String denormalize(String name) {
        return name;
    }

    /** Runs a catalog query with bound parameters. */
    protected final Flux<Row> query(Connection conn, String sql, Map<String, ?> params) {
        return conn.execute(Sql.text(sql), params);
    }

    /** A name the database reported, as Retort spells it. */
    protected final String normalize(String name) {
        return name == null ? null : dialect.normalizeName(name);
    }
}
