package io.retort.sql;

import io.retort.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A DELETE statement, SQLAlchemy's {@code delete(table)}. Immutable.
 *
 * <pre>{@code
 * delete(users).where(users.c("id").eq(5))
 * // DELETE FROM users WHERE users.id = $1
 * delete(users).where(users.c("id").eq(5)).returning(users.c("name"))
 * // PostgreSQL, MariaDB: DELETE FROM users WHERE users.id = $1 RETURNING name
 * // H2: SELECT name FROM OLD TABLE (DELETE FROM users WHERE users.id = $1)
 * }</pre>
 */
public final class Delete extends StatementBase {
    private final Table table;
    private final List<ColumnElement<Boolean>> where;
    private final List<ColumnElement<?>> returning;

    private Delete(Table table, List<ColumnElement<Boolean>> where, List<ColumnElement<?>> returning) {
        this.table = table;
        this.where = List.copyOf(where);
        this.returning = List.copyOf(returning);
    }

    static Delete from(Table table) {
        return new Delete(Objects.requireNonNull(table, "table"), List.of(), List.of());
    }

    /** WHERE criteria (ANDed). */
    @SafeVarargs
    public final Delete where(ColumnElement<Boolean>... criteria) {
        List<ColumnElement<Boolean>> w = new ArrayList<>(where);
        w.addAll(List.of(criteria));
        return new Delete(table, w, returning);
    }

    /** RETURNING the deleted rows' columns (PostgreSQL, MariaDB, H2). */
    public Delete returning(Object... items) {
        return new Delete(table, where, Dml.returning(table, items));
    }

    /** The table rows are deleted from. */
    public Table table() {
        return table;
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
        visitor.visitDelete(this);
    }

    @Override
    public void appendKey(KeyBuilder key) {
        key.add("delete").add(table).addAll(where).addAll(returning);
    }

    @Override
    public String toString() {
        return "delete(" + table.name() + ")";
    }
}
