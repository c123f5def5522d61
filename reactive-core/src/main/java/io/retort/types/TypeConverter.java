package io.retort.types;

import java.util.Objects;
import java.util.function.Function;

/**
 * Converts between a user's Java type {@code U} and the Java type {@code D} of the SQL type it is stored as,
 * SQLAlchemy's {@code TypeDecorator.process_bind_param} / {@code process_result_value}. Used through
 * {@link SqlType#withConverter(Class, TypeConverter)}. Neither method is called with {@code null}.
 *
 * <pre>{@code
 * final class MoneyConverter implements TypeConverter<Money, BigDecimal> {
 *     public BigDecimal toDatabase(Money m) { return m.amount(); }
 *     public Money fromDatabase(BigDecimal d) { return new Money(d); }
 * }
 * }</pre>
 *
 * @param <U> the user's Java type
 * @param <D> the Java type of the storage SQL type
 */
public interface TypeConverter<U, D> {

    /** The value to store for {@code value} (never null). */
    D toDatabase(U value);

    /** The user's value for a stored {@code value} (never null). */
    U fromDatabase(D value);

    /**
     * A converter from two functions.
     *
     * <pre>{@code
     * TypeConverter<Money, BigDecimal> c = TypeConverter.of(Money::amount, Money::new);
     * }</pre>
     */
    static <U, D> TypeConverter<U, D> of(
            Function<? super U, ? extends D> toDatabase, Function<? super D, ? extends U> fromDatabase) {
        Objects.requireNonNull(toDatabase, "toDatabase");
        Objects.requireNonNull(fromDatabase, "fromDatabase");
        return new TypeConverter<>() {
            @Override
            public D toDatabase(U value) {
                return toDatabase.apply(value);
            }

            @Override
            public U fromDatabase(D value) {
                return fromDatabase.apply(value);
            }
        };
    }
}
