package io.retort.types;

/**
 * A SQL type and its Java mapping: what a column holds, how a value is bound and how a result value is read.
 * Types are immutable values; compare them with {@code equals}. Dialects map each {@link TypeKind} to their DDL
 * and driver classes.
 *
 * <pre>{@code
 * SqlType<String> name = Types.string(30);     // VARCHAR(30) <-> String
 * SqlType<Long> id = Types.BIGINT;             // BIGINT <-> Long
 * }</pre>
 *
 * @param <J> the Java type of values
 */
public interface SqlType<J> {

    /** The Java class of values of this type. */
    Class<J> javaType();

    /** The generic kind. */
    TypeKind kind();

    /** The length of VARCHAR/CHAR/BINARY, or {@code null}. */
    default Integer length() {
        return null;
    }

    /** The precision of NUMERIC, or {@code null}. */
    default Integer precision() {
        return null;
    }

    /** The scale of NUMERIC, or {@code null}. */
    default Integer scale() {
        return null;
    }

    /** Converts a Java value into what is bound to the driver (identity unless the type converts). */
    default Object toDatabase(J value) {
        return value;
    }

    /** Converts a value read from the driver into this type's Java value. */
    J fromDatabase(Object value);
}
