package io.retort.sql;

import io.retort.sql.internal.Nodes;
import io.retort.types.SqlType;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A SQL function call, made by {@link Functions} ({@code func.count()}, {@code func.call("my_fn", x)}). It can
 * become a window function with {@link #over(Window)}.
 *
 * <pre>{@code
 * func.count()                              // count(*)
 * func.lower(users.c("name"))               // lower(users.name)
 * func.sum(t.c("x")).over(Window.partitionBy(t.c("g")))   // sum(t.x) OVER (PARTITION BY t.g)
 * }</pre>
 *
 * @param <T> the Java type of the result
 */
public final class FunctionElement<T> extends ColumnElement<T> {
    private final String name;
    private final List<ColumnElement<?>> arguments;
    private final SqlType<T> type;

    FunctionElement(String name, List<ColumnElement<?>> arguments, SqlType<T> type) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new IllegalArgumentException("Not a function name: '" + name + "'");
        }
        this.name = name;
        this.arguments = List.copyOf(arguments);
        this.type = type;
    }

    /** The function name as written. */
    public String name() {
        return name;
    }

    /** The arguments ({@code count(*)} has the single argument {@code *}). */
    public List<ColumnElement<?>> arguments() {
        return arguments;
    }

    /** A window function over {@code window}: {@code name(args) OVER (...)}. */
    public ColumnElement<T> over(Window window) {
        return new Nodes.Over<>(this, window);
    }

    /**
     * A window function over a partition and an order (either list may be empty).
     *
     * <pre>{@code
     * func.rank().over(List.of(t.c("team")), List.of(t.c("score").desc()))
     * // rank() OVER (PARTITION BY t.team ORDER BY t.score DESC)
     * }</pre>
     */
    public ColumnElement<T> over(List<? extends ColumnElement<?>> partitionBy, List<?> orderBy) {
        return over(
                Window.partitionBy(partitionBy.toArray(new ColumnElement<?>[0])).orderBy(orderBy.toArray()));
    }

    /** {@code name(args) OVER ()}. */
    public ColumnElement<T> over() {
        return over(Window.empty());
    }

    @Override
    public SqlType<T> type() {
        return type;
    }

    @Override
    public String resultName() {
        return null;
    }

    /** Lower-case function name, used by result lookups. */
    String lowerName() {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public void accept(ClauseVisitor visitor) {
        visitor.visitFunction(this);
    }

    @Override
    public void appendKey(KeyBuilder key) {
        key.add("fn").add(name).addAll(arguments);
    }

    @Override
    public void collectFroms(Consumer<FromClause> sink) {
        arguments.forEach(a -> a.collectFroms(sink));
    }
}
