package io.retort.types;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A one-dimensional ARRAY of a scalar type, read and written as a {@link List} (PostgreSQL {@code integer[]},
 * H2 {@code INTEGER ARRAY}). Elements may be null. Dialects without arrays (MariaDB) refuse it in DDL.
 *
 * <pre>{@code
 * column("tags", Types.arrayOf(Types.TEXT));   // PostgreSQL: TEXT[]
 * }</pre>
 *
 * @param <E> the element's Java type
 */
public final class ArrayType<E> implements SqlType<List<E>> {
    private final SqlType<E> elementType;

    ArrayType(SqlType<E> elementType) {
        this.elementType = Objects.requireNonNull(elementType, "elementType");
        TypeKind k = elementType.storageType().kind();
        if (k == TypeKind.ARRAY || k == TypeKind.JSON || k == TypeKind.BLOB) {
            throw new IllegalArgumentException("ARRAY elements must be scalars, not " + elementType);
        }
    }

    /** The type of the elements. */
    public SqlType<E> elementType() {
        return elementType;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<List<E>> javaType() {
        return (Class) List.class;
    }

    @Override
    public TypeKind kind() {
        return TypeKind.ARRAY;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<E> fromDatabase(Object value) {
        if (value == null) {
            return null;
        }
        Collection<?> items;
        if (value instanceof Object[] a) {
            items = Arrays.asList(a);
        } else if (value instanceof Collection<?> c) {
            items = c;
        } else {
            throw new io.retort.core.TypeConversionException(
                    "An ARRAY column holds a " + value.getClass().getName() + ", not an array");
        }
        List<E> out = new ArrayList<>(items.size());
        for (Object o : items) {
            out.add(o == null ? null : elementType.fromDatabase(o));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArrayType<?> t && t.elementType.equals(elementType);
    }

    @Override
    public int hashCode() {
        return 31 * elementType.hashCode() + 7;
    }

    @Override
    public String toString() {
        return "ARRAY(" + elementType + ")";
    }
}
