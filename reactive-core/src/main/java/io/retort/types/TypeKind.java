package io.retort.types;

/**
 * The generic kind of a {@link SqlType}, independent of any database: what reflection compares and what
 * dialects map to DDL.
 *
 * <pre>{@code
 * Types.INTEGER.kind();   // TypeKind.INTEGER
 * }</pre>
 */
public enum TypeKind {
    SMALLINT,
    INTEGER,
    BIGINT,
    BOOLEAN,
    VARCHAR,
    TEXT,
    CHAR,
    NUMERIC,
    REAL,
    DOUBLE,
    DATE,
    TIME,
    TIMESTAMP,
    TIMESTAMP_WITH_TIME_ZONE,
    /** A day-to-second interval as {@link java.time.Duration} (PostgreSQL, H2). */
    INTERVAL,
    /** VARBINARY(n). */
    BINARY,
    /** A large binary object. */
    BLOB,
    UUID,
    JSON,
    ENUM,
    /** An ARRAY of a scalar type (PostgreSQL, H2). */
    ARRAY,
    /** A user type built on another one ({@link SqlType#withConverter}). */
    CUSTOM,
    /** A type reflection could not map to a generic kind. */
    OTHER
}
