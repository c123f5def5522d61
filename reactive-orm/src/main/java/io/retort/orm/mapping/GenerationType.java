package io.retort.orm.mapping;

/**
 * How a {@link GeneratedValue} is produced.
 *
 * <pre>{@code
 * @Id @GeneratedValue(strategy = GenerationType.UUID) UUID id;
 * }</pre>
 */
public enum GenerationType {
    /** An identity / auto-increment column; the value is read back after INSERT. */
    IDENTITY,
    /** A database sequence ({@link GeneratedValue#sequence()}), read before INSERT in one batch. */
    SEQUENCE,
    /** A random UUID generated in the client before INSERT. */
    UUID
}
