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
    INTERVAL,
    BINARY,
    BLOB,
    UUID,
    JSON,
    ENUM,
    ARRAY,
    /** A user type built on another one (a converter over a basic type). */
    CUSTOM
}
