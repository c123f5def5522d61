package io.retort.types;

import java.util.Objects;

/**
 * A user type stored as another {@link SqlType} (its {@code impl}), SQLAlchemy's {@code TypeDecorator}. Made by
 * {@link SqlType#withConverter}. Its kind is {@link TypeKind#CUSTOM}; DDL and reflection use the impl.
 *
 * <pre>{@code
 * SqlType<Money> MONEY = Types.numeric(12, 2).withConverter(Money.class, Money::amount, Money::new);
 * ((ConvertedType<Money, BigDecimal>) MONEY).impl();   // NUMERIC(12, 2)
 * }</pre>
 *
 * @param <U> the user's Java type
 * @param <D> the Java type of the impl
 */
public final class ConvertedType<U, D> implements SqlType<U> {
    private final SqlType<D> impl;
    private final Class<U> javaType;
    private final TypeConverter<U, D> converter;

    ConvertedType(SqlType<D> impl, Class<U> javaType, TypeConverter<U, D> converter) {
        this.impl = Objects.requireNonNull(impl, "impl");
        this.javaType = Objects.requireNonNull(javaType, "javaType");
        this.converter = Objects.requireNonNull(converter, "converter");
    }

    /** The type values are stored as. */
    public SqlType<D> impl() {
        return impl;
    }

    /** The converter. */
    public TypeConverter<U, D> converter() {
        return converter;
    }

    @Override
    public Class<U> javaType() {
        return javaType;
    }

    @Override
    public TypeKind kind() {
        return TypeKind.CUSTOM;
    }

    @Override
    public Integer length() {
        return impl.length();
    }

    @Override
    public Integer precision() {
        return impl.precision();
    }

    @Override
    public Integer scale() {
        return impl.scale();
    }

    @Override
    public SqlType<?> storageType() {
        return impl.storageType();
    }

    /** The impl's value for {@code value}: the converter's {@code toDatabase}. */
    @Override
    public Object toDatabase(U value) {
        return value == null ? null : converter.toDatabase(value);
    }

    /** Converts the impl's Java value into the user's value. */
    @Override
    public U fromDatabase(Object value) {
        if (value == null) {
            return null;
        }
        D d = impl.fromDatabase(value);
        return d == null ? null : converter.fromDatabase(d);
    }

    @Override
    public String toString() {
        return javaType.getSimpleName() + " as " + impl;
    }
}
