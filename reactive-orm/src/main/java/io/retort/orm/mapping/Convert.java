package io.retort.orm.mapping;

import io.retort.types.SqlType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Supplier;

/**
 * Maps an attribute of a user type through Core's converter API (SQLAlchemy's {@code TypeDecorator}): the given
 * class (with a no-arg constructor) supplies the attribute's {@link SqlType}, typically a base type
 * {@code withConverter(...)}.
 *
 * <pre>{@code
 * public final class MoneyType implements Supplier<SqlType<Money>> {
 *     public SqlType<Money> get() { return Types.numeric(12, 2).withConverter(Money.class, Money::amount, Money::new); }
 * }
 *
 * @Convert(MoneyType.class) Money price;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Convert {
    /** A class with a no-arg constructor that supplies the attribute's SQL type. */
    Class<? extends Supplier<? extends SqlType<?>>> value();
}
