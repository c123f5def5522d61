package io.retort.sql;

import io.retort.schema.Column;
import io.retort.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An UPDATE statement, SQLAlchemy's {@code update(table)}. Immutable. SET values are bound or expressions.
 *
 * <pre>{@code
 * update(users).set(users.c("score"), users.c("score").add(1)).where(users.c("id").eq(5))
 * // UPDATE users SET score = users.score + $1 WHERE users.id = $2
 * }</pre>
 * RETURNING: PostgreSQL {@code ... RETURNING id}; H2 {@code SELECT id FROM FINAL TABLE (UPDATE ...)}; MariaDB has
 * none (a compile error says so).
 */
public final class Update extends StatementBase {
    private final Table table;
    private final Map<Column<?>, ColumnElement<?>> set;
    private final List<ColumnElement<Boolean>> where;
    private final List<ColumnElement<?>> returning;

    private Update(
            Table table,
            Map<Column<?>, ColumnElement<?>> set,
            List<ColumnElement<Boolean>> where,
            List<ColumnElement<?>> returning) {
        this.table = table;
        this.set = set;
        this.where = List.copyOf(where);
        this.returning = List.copyOf(returning);
    }

    static Update of(Table table) {
        return new Update(Objects.requireNonNull(table, "table"), Map.of(), List.of(), List.of());
    }

    /** {@code SET column = value} (value bound, or an expression). */
    public Update set(Column<?> column, Object value) {
        Map<Column<?>, ColumnElement<?>> s = new LinkedHashMap<>(set);
        s.put(Dml.column(table, column), Dml.value(column, value));
        return new Update(table, s, where, returning);
    }

    /** SET from a map of column names (or Columns) to values or expressions, in the table's column order. */
    public Update values(Map<?, ?> values) {
        Map<Column<?>, ColumnElement<?>> s = new LinkedHashMap<>(set);
        s.putAll(Dml.assignments(table, values));
        return new Update(table, s, where, returning);
    }

    /** WHERE criteria (ANDed). */
    @SafeVarargs
    public final Update where(ColumnElement<Boolean>... criteria) {
        List<ColumnElement<Boolean>> w = new ArrayList<>(where);
        w.addAll(List.of(criteria));
        return new Update(table, set, w, returning);
    }

    /** RETURNING (PostgreSQL, H2). */
    public Update returning(Object... items) {
        return new Update(table, set, where, Dml.returning(table, items));
    }

    /** The updated table. */
    public Table table() {
        return table;
    }

    /** The SET assignments in order. */
    public Map<Column<?>, ColumnElement<?>> assignments() {
        return set;
    }

    /** The WHERE criteria (ANDed). */
    public List<ColumnElement<Boolean>> whereCriteria() {
        return where;
    }

    /** The RETURNING columns (empty for none). */
    public List<ColumnElement<?>> returningColumns() {
        return returning;
    }

    @Override
    public void accept(ClauseVisitor visitor) {
        visitor.visitUpdate(this);
    }

    @Override
    public void appendKey(KeyBuilder key) {
        key.add("update").add(table).add(new ArrayList<>(set.keySet()));
        key.addAll(new ArrayList<>(set.values())).addAll(where).addAll(returning);
    }

    @Override
    public String toString() {
        return "update(" + table.name() + ")";
    }
}
