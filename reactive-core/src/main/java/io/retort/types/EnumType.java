package io.retort.types;

import io.retort.core.TypeConversionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A Java enum stored by constant name, SQLAlchemy's {@code Enum}. By default it is a portable
 * {@code VARCHAR(n)} (n = the longest name) with a {@code CHECK (col IN (...))} constraint; {@link #nativeEnum}
 * asks for the database's own enum type: {@code CREATE TYPE name AS ENUM (...)} on PostgreSQL (created before
 * and dropped after the tables), an inline {@code ENUM(...)} on MariaDB and H2.
 *
 * <pre>{@code
 * enum Mood { HAPPY, SAD }
 * column("mood", Types.enumOf(Mood.class));               // VARCHAR(5) + CHECK (mood IN ('HAPPY', 'SAD'))
 * column("mood", Types.enumOf(Mood.class).nativeEnum());  // PostgreSQL: mood (CREATE TYPE mood AS ENUM ...)
 * }</pre>
 *
 * @param <E> the enum class
 */
public final class EnumType<E extends Enum<E>> implements SqlType<E> {
    private final Class<E> enumClass;
    private final List<String> values;
    private final String typeName;
    private final boolean nativeEnum;

    EnumType(Class<E> enumClass, String typeName, boolean nativeEnum) {
        this.enumClass = Objects.requireNonNull(enumClass, "enumClass");
        List<String> v = new ArrayList<>();
        for (E e : enumClass.getEnumConstants()) {
            v.add(e.name());
        }
        if (v.isEmpty()) {
            throw new IllegalArgumentException("Enum " + enumClass.getName() + " has no constants");
        }
        this.values = Collections.unmodifiableList(v);
        this.typeName = typeName;
        this.nativeEnum = nativeEnum;
    }

    /**
     * The same enum as the database's native enum type, named after the class in snake case
     * ({@code OrderStatus} becomes {@code order_status}) on PostgreSQL.
     */
    public EnumType<E> nativeEnum() {
        return new EnumType<>(enumClass, typeName, true);
    }

    /**
     * The same enum as a native enum type with the given name (the PostgreSQL {@code CREATE TYPE} name).
     *
     * <pre>{@code
     * Types.enumOf(Mood.class).nativeEnum("mood_t");
     * }</pre>
     */
    public EnumType<E> nativeEnum(String typeName) {
        return new EnumType<>(enumClass, Objects.requireNonNull(typeName, "typeName"), true);
    }

    /** {@code true} for a native enum type, {@code false} for VARCHAR + CHECK. */
    public boolean isNative() {
        return nativeEnum;
    }

    /** The name of the native type (PostgreSQL {@code CREATE TYPE}). */
    public String typeName() {
        return typeName;
    }

    /** The constant names, in declaration order. */
    public List<String> values() {
        return values;
    }

    /** The enum class. */
    public Class<E> enumClass() {
        return enumClass;
    }

    @Override
    public Class<E> javaType() {
        return enumClass;
    }

    @Override
    public TypeKind kind() {
        return TypeKind.ENUM;
    }

    /** The longest constant name: the VARCHAR length of the portable form. */
    @Override
    public Integer length() {
        int n = 1;
        for (String s : values) {
            n = Math.max(n, s.length());
        }
        return n;
    }

    @Override
    public Object toDatabase(E value) {
        return value == null ? null : value.name();
    }

    @Override
    public E fromDatabase(Object value) {
        if (value == null || enumClass.isInstance(value)) {
            return enumClass.cast(value);
        }
        String s = value.toString();
        try {
            return Enum.valueOf(enumClass, s);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(
                    "'" + s + "' is not a constant of " + enumClass.getName() + " (constants: " + values + ")", e);
        }
    }

    static String snake(String simpleName) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < simpleName.length(); i++) {
            char c = simpleName.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnumType<?> t
                && t.enumClass == enumClass
                && t.nativeEnum == nativeEnum
                && Objects.equals(t.typeName, typeName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enumClass, nativeEnum, typeName);
    }

    @Override
    public String toString() {
        return (nativeEnum ? "ENUM " + typeName : "ENUM") + values;
    }
}
