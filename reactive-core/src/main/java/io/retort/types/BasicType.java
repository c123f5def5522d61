package io.retort.types;

import io.retort.core.internal.Conversions;
import java.util.Objects;

/**
 * A built-in scalar type: a kind, its Java class and optional length / precision / scale. Obtained from
 * {@link Types}.
 *
 * <pre>{@code
 * SqlType<BigDecimal> price = Types.numeric(10, 2);
 * }</pre>
 */
public final class BasicType<J> implements SqlType<J> {
    private final TypeKind kind;
    private final Class<J> javaType;
    private final Integer length;
    private final Integer precision;
    private final Integer scale;

    BasicType(TypeKind kind, Class<J> javaType, Integer length, Integer precision, Integer scale) {
        this.kind = kind;
        this.javaType = javaType;
        this.length = length;
        this.precision = precision;
        this.scale = scale;
    }

    @Override
    public Class<J> javaType() {
        return javaType;
    }

    @Override
    public TypeKind kind() {
        return kind;
    }

    @Override
    public Integer length() {
        return length;
    }

    @Override
    public Integer precision() {
        return precision;
    }

    @Override
    public Integer scale() {
        return scale;
    }

    @Override
    public J fromDatabase(Object value) {
        return Conversions.convert(value, javaType, kind.name());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BasicType<?> t
                && t.kind == kind
                && t.javaType == javaType
                && Objects.equals(t.length, length)
                && Objects.equals(t.precision, precision)
                && Objects.equals(t.scale, scale);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, javaType, length, precision, scale);
    }

    @Override
    public String toString() {
        String name = kind == TypeKind.TIMESTAMP_WITH_TIME_ZONE ? "TIMESTAMP WITH TIME ZONE" : kind.name();
        if (length != null) {
            return name + "(" + length + ")";
        }
        if (precision != null) {
            return name + "(" + precision + (scale != null ? ", " + scale : "") + ")";
        }
        return name;
    }
}
