package io.retort.schema;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Reads the schema of a live database, SQLAlchemy's {@code Inspector}. Obtained from
 * {@code engine.inspect()}. Each method borrows a connection, runs the dialect's catalog queries
 * (information_schema, pg_catalog), emits one value and completes; it errors with a
 * {@link io.retort.core.DatabaseException} when a query fails. Cancelling stops the query and releases the
 * connection. Names are normalised by the dialect (H2's {@code USERS} is {@code users}); a {@code schema} of
 * {@code null} means the connection's default schema.
 *
 * <pre>{@code
 * Inspector inspector = engine.inspect();
 * Mono<List<String>> names = inspector.tableNames();
 * Mono<List<ReflectedColumn>> columns = inspector.columns("users");
 * Mono<List<ForeignKeyConstraint>> fks = inspector.foreignKeys("addresses");
 * }</pre>
 */
public interface Inspector {

    /** The names of the tables (not views) in the default schema, sorted. */
    default Mono<List<String>> tableNames() {
        return tableNames(null);
    }

    /** The names of the tables in {@code schema}, sorted. */
    Mono<List<String>> tableNames(String schema);

    /** {@code true} when the table exists. */
    default Mono<Boolean> hasTable(String table) {
        return hasTable(null, table);
    }

    /** {@code true} when the table exists in {@code schema}. */
    Mono<Boolean> hasTable(String schema, String table);

    /** The table's columns in table order; an empty list when there is no such table. */
    default Mono<List<ReflectedColumn>> columns(String table) {
        return columns(null, table);
    }

    /** The columns of {@code schema.table}. */
    Mono<List<ReflectedColumn>> columns(String schema, String table);

    /** The primary key; empty (completes without a value) when the table has none. */
    default Mono<PrimaryKeyConstraint> primaryKey(String table) {
        return primaryKey(null, table);
    }

    /** The primary key of {@code schema.table}. */
    Mono<PrimaryKeyConstraint> primaryKey(String schema, String table);

    /** The foreign keys of the table, by name. */
    default Mono<List<ForeignKeyConstraint>> foreignKeys(String table) {
        return foreignKeys(null, table);
    }

    /** The foreign keys of {@code schema.table}. */
    Mono<List<ForeignKeyConstraint>> foreignKeys(String schema, String table);

    /**
     * The indexes of the table, by name, without those that only back a primary key, unique constraint or (on
     * MariaDB) a foreign key.
     */
    default Mono<List<Index>> indexes(String table) {
        return indexes(null, table);
    }

    /** The indexes of {@code schema.table}. */
    Mono<List<Index>> indexes(String schema, String table);

    /** The unique constraints of the table, by name. */
    default Mono<List<UniqueConstraint>> uniqueConstraints(String table) {
        return uniqueConstraints(null, table);
    }

    /** The unique constraints of {@code schema.table}. */
    Mono<List<UniqueConstraint>> uniqueConstraints(String schema, String table);

    /** The sequences in {@code schema} ({@code null}: default), sorted. */
    Mono<List<String>> sequenceNames(String schema);
}
