package io.retort.dialect;

/**
 * Capabilities that differ between databases. A {@link Dialect} declares the ones it has; compilers and the
 * ORM consult {@link Dialect#supports(Feature)} instead of testing which database they talk to, and tests
 * that need one say so rather than skipping silently.
 *
 * <pre>{@code
 * if (engine.dialect().supports(Feature.RETURNING)) { ... }
 * }</pre>
 */
public enum Feature {
    /**
     * {@code INSERT/UPDATE/DELETE ... RETURNING} (or the dialect's equivalent) for all three statements; see
     * {@link #INSERT_RETURNING}, {@link #UPDATE_RETURNING}, {@link #DELETE_RETURNING} for each one.
     */
    RETURNING,
    /** {@code INSERT ... RETURNING} (or H2's {@code SELECT ... FROM FINAL TABLE (INSERT ...)}). */
    INSERT_RETURNING,
    /** {@code UPDATE ... RETURNING} (or H2's {@code FINAL TABLE} form). Not on MariaDB. */
    UPDATE_RETURNING,
    /** {@code DELETE ... RETURNING} (or H2's {@code SELECT ... FROM OLD TABLE (DELETE ...)}). */
    DELETE_RETURNING,
    /** {@code NULLS FIRST / NULLS LAST} in ORDER BY natively (MariaDB emulates it with {@code x IS NULL} sort keys). */
    NULLS_ORDERING,
    /** {@code INSERT ... VALUES (...), (...)} with many rows in one statement. */
    MULTI_ROW_INSERT,
    /** {@code SAVEPOINT} / {@code ROLLBACK TO SAVEPOINT}. */
    SAVEPOINTS,
    /** {@code CREATE SEQUENCE} and {@code NEXT VALUE FOR}. */
    SEQUENCES,
    /** A native UUID column type. */
    NATIVE_UUID,
    /** ARRAY column types. */
    ARRAYS,
    /** Case-insensitive {@code ILIKE}. */
    ILIKE,
    /** {@code FULL OUTER JOIN}. */
    FULL_OUTER_JOIN,
    /** {@code FOR UPDATE SKIP LOCKED}. */
    SKIP_LOCKED,
    /**
     * The server detects a deadlock between transactions and fails one of them (PostgreSQL after
     * {@code deadlock_timeout}, InnoDB at once); H2 lets the waiting statement run into its lock timeout instead.
     */
    DEADLOCK_DETECTION,
    /**
     * The driver accepts a statement while the previous one on the same connection is still running and sends it
     * at once (r2dbc-postgresql pipelines them): inside a transaction an executemany then sends its next chunk
     * while the server works on the current one, overlapping the client's binding with the server's insert.
     */
    PIPELINING,
    /** Transactional DDL (CREATE TABLE can be rolled back). */
    TRANSACTIONAL_DDL
}
