package io.retort.types;

import java.util.Objects;
import java.util.function.Function;

/**
 * A SQL type and its Java mapping: what a column holds, how a value is bound and how a result value is read.
 * Types are immutable values; compare them with {@code equals}. Each dialect's {@link io.retort.dialect.TypeMap}
 * maps the type's {@link TypeKind} to its DDL and to the classes its driver binds and reads.
 *
 * <pre>{@code
 * SqlType<String> name = Types.string(30);     // VARCHAR(30) <-> String
 * SqlType<Long> id = Types.BIGINT;             // BIGINT <-> Long
 * SqlType<Money> price = Types.numeric(12, 2).withConverter(Money.class, Money::amount, Money::new);
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

    /**
     * The type values are stored as: this type itself, or for a {@link ConvertedType} the type it wraps (its
     * {@code impl}), recursively. DDL and reflection look at this type.
     *
     * <pre>{@code
     * Types.numeric(12, 2).withConverter(Money.class, Money::amount, Money::new).storageType();   // NUMERIC(12, 2)
     * }</pre>
     */
    default SqlType<?> storageType() {
        return this;
    }

    /**
     * Converts a Java value into the value of the storage type, before the dialect adapts it for its driver
     * (identity unless the type converts).
     */
    default Object toDatabase(J value) {
        return value;
    }

    /** Converts a value read from the database (already adapted by the dialect) into this type's Java value. */
    J fromDatabase(Object value);

    /**
     * A user type stored as this type, SQLAlchemy's {@code TypeDecorator}: values of {@code javaType} are
     * converted with {@code toDatabase} before binding and with {@code fromDatabase} after reading. Nulls are
     * never passed to the functions.
     *
     * <pre>{@code
     * record Money(BigDecimal amount) {}
     * SqlType<Money> MONEY = Types.numeric(12, 2).withConverter(Money.class, Money::amount, Money::new);
     * column("price", MONEY);   // NUMERIC(12, 2) in DDL, Money in Java
     * }</pre>
     */
    default <U> SqlType<U> withConverter(
            Class<U> javaType,
            Function<? super U, ? extends J> toDatabase,
            Function<? super J, ? extends U> fromDatabase) {
        return new ConvertedType<>(this, javaType, TypeConverter.of(toDatabase, fromDatabase));
    }

    /**
     * A user type stored as this type, through a reusable {@link TypeConverter}.
     *
     * <pre>{@code
     * SqlType<Money> MONEY = Types.numeric(12, 2).withConverter(Money.class, new MoneyConverter());
     * }</pre>
     */
    default <U> SqlType<U> withConverter(Class<U> javaType, TypeConverter<U, J> converter) {
        return new ConvertedType<>(this, Objects.requireNonNull(javaType, "javaType"), converter);
    }
}
