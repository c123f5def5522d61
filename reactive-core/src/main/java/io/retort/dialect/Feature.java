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
    /** {@code INSERT/UPDATE/DELETE ... RETURNING} (or the dialect's equivalent). */
    RETURNING,
    /** {@code INSERT ... RETURNING} (or the dialect's equivalent) even where UPDATE cannot return rows. */
    INSERT_RETURNING,
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
    /** Transactional DDL (CREATE TABLE can be rolled back). */
    TRANSACTIONAL_DDL
}
