package io.retort.core.internal;

import io.retort.core.InvalidRequestException;
import io.retort.sql.Executable;

/**
 * Reads the values written into a statement (positional bind slots). Statements that carry values implement
 * {@link Carrier}; their compiled form refers to those values by position, so it can be cached by shape.
 */
public final class ValueExtraction {
    private ValueExtraction() {}

    /** A statement that carries bound values. */
    public interface Carrier {
        /** The statement's bound values in the order its compiler numbered them. */
        Object boundValue(int position);
    }

    public static Object value(Executable statement, int position) {
        if (statement instanceof Carrier c) {
            return c.boundValue(position);
        }
        throw new InvalidRequestException("Statement " + statement + " has no bound value #" + position);
    }
}
