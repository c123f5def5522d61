package io.retort.sql;

import io.retort.sql.internal.Nodes;
import io.retort.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code CASE WHEN c1 THEN v1 ... ELSE e END}, or the simple form {@code CASE x WHEN k1 THEN v1 ... END}.
 * Immutable: {@link #when} and {@link #else_} return new expressions. Values are bound.
 *
 * <pre>{@code
 * case_().when(users.c("id").lt(3), "low").else_("high")
 * // CASE WHEN users.id < $1 THEN $2 ELSE $3 END
 * }</pre>
 *
 * @param <T> the result type
 */
public final class Case<T> extends ColumnElement<T> {
    private final ColumnElement<?> value;
    private final List<ColumnElement<?>> conditions;
    private final List<ColumnElement<?>> results;
    private final ColumnElement<?> otherwise;

    Case(
            ColumnElement<?> value,
            List<ColumnElement<?>> conditions,
            List<ColumnElement<?>> results,
            ColumnElement<?> e) {
        this.value = value;
        this.conditions = List.copyOf(conditions);
        this.results = List.copyOf(results);
        this.otherwise = e;
    }

    /** Adds {@code WHEN condition THEN result} (in the simple form, the condition is a value compared to it). */
    @SuppressWarnings("unchecked")
    public <R> Case<R> when(Object condition, R result) {
        List<ColumnElement<?>> c = new ArrayList<>(conditions);
        List<ColumnElement<?>> r = new ArrayList<>(results);
        c.add(Nodes.coerce(condition, value));
        r.add(Nodes.coerce(result, results.isEmpty() ? null : results.get(0)));
        return new Case<>(value, c, r, otherwise);
    }

    /** {@code ELSE result}. */
    public Case<T> else_(Object result) {
        return new Case<>(value, conditions, results, Nodes.coerce(result, results.isEmpty() ? null : results.get(0)));
    }

    /** The compared value of the simple form, or {@code null}. */
    public ColumnElement<?> value() {
        return value;
    }

    /** The WHEN conditions (or compared values of the simple form), in order. */
    public List<ColumnElement<?>> conditions() {
        return conditions;
    }

    /** The THEN results, one per condition. */
    public List<ColumnElement<?>> results() {
        return results;
    }

    /** The ELSE result, or {@code null}. */
    public ColumnElement<?> elseResult() {
        return otherwise;
    }

    @Override
    @SuppressWarnings("unchecked")
    public SqlType<T> type() {
        return results.isEmpty() ? null : (SqlType<T>) results.get(0).type();
    }

    @Override
    public void accept(ClauseVisitor visitor) {
        visitor.visitCase(this);
    }

    @Override
    public void appendKey(KeyBuilder key) {
        key.add("case").add(value).addAll(conditions).addAll(results).add(otherwise);
    }

    @Override
    public void collectFroms(Consumer<FromClause> sink) {
        if (value != null) {
            value.collectFroms(sink);
        }
        conditions.forEach(c -> c.collectFroms(sink));
        results.forEach(c -> c.collectFroms(sink));
        if (otherwise != null) {
            otherwise.collectFroms(sink);
        }
    }
}
