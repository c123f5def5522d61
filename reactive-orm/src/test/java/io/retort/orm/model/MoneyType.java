package io.retort.orm.model;

import io.retort.types.SqlType;
import io.retort.types.Types;
import java.util.function.Supplier;

/** Money as NUMERIC(12, 2). */
public final class MoneyType implements Supplier<SqlType<Money>> {
    @Override
    public SqlType<Money> get() {
        return Types.numeric(12, 2).withConverter(Money.class, Money::amount, Money::new);
    }
}
