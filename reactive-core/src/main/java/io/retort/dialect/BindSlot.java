package io.retort.dialect;

import java.util.Objects;

/**
 * One placeholder of a {@link CompiledStatement}: where its value comes from and the Java type to bind a
 * {@code null} with.
 *
 * <p>A slot is either <em>named</em> (the value is looked up by {@link #name()} in the parameters given at
 * execution, as for {@code text("... :id")} or a {@code bindparam("id")}) or <em>positional</em> (the value was
 * written into the statement itself, e.g. {@code users.c("id").eq(5)}, and is read from the statement's
 * extracted values at {@link #position()}), so a compiled form can be cached and shared by statements that
 * differ only in their values.
 *
 * <pre>{@code
 * BindSlot.named("id", Integer.class);
 * }</pre>
 */
public final class BindSlot {
    private final String name;
    private final int position;
    private final Class<?> javaType;
    private final io.retort.types.SqlType<?> sqlType;

    private BindSlot(String name, int position, Class<?> javaType, io.retort.types.SqlType<?> sqlType) {
        this.name = name;
        this.position = position;
        this.javaType = javaType == null ? Object.class : javaType;
        this.sqlType = sqlType;
    }

    private BindSlot(String name, int position, Class<?> javaType) {
        this(name, position, javaType, null);
    }

    /**
     * A slot whose value is given by name and processed by {@code type} (the dialect's {@link TypeMap}
     * converts it for the driver, e.g. a UUID to text on MariaDB).
     *
     * <pre>{@code
     * BindSlot.named("id", Types.UUID);
     * }</pre>
     */
    public static BindSlot named(String name, io.retort.types.SqlType<?> type) {
        return new BindSlot(Objects.requireNonNull(name, "name"), -1, type.javaType(), type);
    }

    /** A positional slot whose value is processed by {@code type}. */
    public static BindSlot positional(int position, io.retort.types.SqlType<?> type) {
        return new BindSlot(null, position, type.javaType(), type);
    }

    /** The SQL type that processes the value, or {@code null} when the value is bound as it is. */
    public io.retort.types.SqlType<?> sqlType() {
        return sqlType;
    }

    /** A slot whose value is given by name at execution time. */
    public static BindSlot named(String name, Class<?> javaType) {
        return new BindSlot(Objects.requireNonNull(name, "name"), -1, javaType);
    }

    /** A slot whose value is the statement's extracted value at {@code position}. */
    public static BindSlot positional(int position, Class<?> javaType) {
        return new BindSlot(null, position, javaType);
    }

    /** The parameter name, or {@code null} for a positional slot. */
    public String name() {
        return name;
    }

    /** The index into the statement's extracted values, or -1 for a named slot. */
    public int position() {
        return position;
    }

    /** {@code true} when the value is looked up by name. */
    public boolean isNamed() {
        return name != null;
    }

    /** The Java class to bind a {@code null} as ({@code Object.class} when unknown). */
    public Class<?> javaType() {
        return javaType;
    }

    @Override
    public String toString() {
        return isNamed() ? ":" + name : "#" + position;
    }
}
