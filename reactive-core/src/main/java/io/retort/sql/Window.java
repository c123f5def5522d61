package io.retort.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code OVER (...)} of a window function: partition and order. Immutable.
 *
 * <pre>{@code
 * func.rowNumber().over(Window.partitionBy(users.c("team")).orderBy(users.c("score").desc()))
 * // row_number() OVER (PARTITION BY users.team ORDER BY users.score DESC)
 * }</pre>
 */
public final class Window {
    private static final Window EMPTY = new Window(List.of(), List.of());
    private final List<ColumnElement<?>> partitionBy;
    private final List<OrderByElement> orderBy;

    private Window(List<ColumnElement<?>> partitionBy, List<OrderByElement> orderBy) {
        this.partitionBy = List.copyOf(partitionBy);
        this.orderBy = List.copyOf(orderBy);
    }

    /** An empty window: {@code OVER ()}. */
    public static Window empty() {
        return EMPTY;
    }

    /** {@code OVER (PARTITION BY ...)}. */
    public static Window partitionBy(ColumnElement<?>... columns) {
        return new Window(List.of(columns), List.of());
    }

    /** {@code OVER (ORDER BY ...)}; takes expressions or asc()/desc() items. */
    public static Window ordered(Object... orderBy) {
        return EMPTY.orderBy(orderBy);
    }

    /** This window with ORDER BY items added. */
    public Window orderBy(Object... items) {
        List<OrderByElement> o = new ArrayList<>(orderBy);
        for (Object i : items) {
            o.add(OrderByElement.of(i));
        }
        return new Window(partitionBy, o);
    }

    /** The PARTITION BY expressions. */
    public List<ColumnElement<?>> partitionBy() {
        return partitionBy;
    }

    /** The ORDER BY items. */
    public List<OrderByElement> orderBy() {
        return orderBy;
    }
}
