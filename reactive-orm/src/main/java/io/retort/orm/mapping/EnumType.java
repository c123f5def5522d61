package io.retort.orm.mapping;

/**
 * How an enum attribute is stored.
 *
 * <pre>{@code
 * @Enumerated(EnumType.ORDINAL) Priority priority;
 * }</pre>
 */
public enum EnumType {
    /** The constant's name, in a VARCHAR column (the default). */
    STRING,
    /** The constant's ordinal, in an INTEGER column. */
    ORDINAL
}
