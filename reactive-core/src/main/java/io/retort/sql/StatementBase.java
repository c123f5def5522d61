package io.retort.sql;

import io.retort.core.InvalidRequestException;
import io.retort.core.internal.ValueExtraction;

/**
 * What every statement of the expression language shares: its shape (the cache key) and its bound values,
 * computed together once per statement object and kept, since the statement is immutable.
 *
 * <pre>{@code
 * Select q = select(users.c("id")).where(users.c("id").eq(5));
 * q.cacheKey();          // equal for every select of this shape, whatever the value
 * q.boundValues();       // [5]
 * }</pre>
 */
public abstract class StatementBase implements Executable, ClauseElement, ValueExtraction.Carrier {
    private volatile KeyBuilder.Shape shape;

    StatementBase() {}

    /** The statement's shape: cache key, values and their positions. */
    public final KeyBuilder.Shape shape() {
        KeyBuilder.Shape s = shape;
        if (s == null) {
            s = KeyBuilder.of(this);
            shape = s;
        }
        return s;
    }

    @Override
    public final Object cacheKey() {
        return shape().key();
    }

    /** The values bound into this statement, in the order compiled statements number them. */
    public final java.util.List<Object> boundValues() {
        return shape().values();
    }

    @Override
    public final Object boundValue(int position) {
        java.util.List<Object> v = shape().values();
        if (position < 0 || position >= v.size()) {
            throw new InvalidRequestException("Statement has no bound value #" + position + ": " + this);
        }
        return v.get(position);
    }
}
