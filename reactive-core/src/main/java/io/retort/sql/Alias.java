package io.retort.sql;

import io.retort.core.InvalidRequestException;
import io.retort.schema.Column;
import io.retort.schema.Table;
import io.retort.sql.internal.Nodes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A table under another name, for self-joins: SQLAlchemy's {@code table.alias("name")}. Its columns come from
 * {@link #c(String)}. Two aliases of the same table with the same name are equal.
 *
 * <pre>{@code
 * Alias manager = employees.alias("manager");
 * select(employees.c("name"), manager.c("name").label("boss"))
 *         .join(manager, employees.c("manager_id").eq(manager.c("id")));
 * // SELECT employees.name, manager.name AS boss FROM employees JOIN employees AS manager ON employees.manager_id = manager.id
 * }</pre>
 */
public final class Alias implements FromClause {
    private final Table table;
    private final String name;
    private final Map<String, Nodes.FromColumn<?>> columns = new LinkedHashMap<>();

    Alias(Table table, String name) {
        this.table = Objects.requireNonNull(table, "table");
        this.name = Objects.requireNonNull(name, "name");
        for (Column<?> c : table.columns()) {
            columns.put(c.name(), fromColumn(c));
        }
    }

    private <T> Nodes.FromColumn<T> fromColumn(Column<T> c) {
        return new Nodes.FromColumn<>(this, c.name(), c.type());
    }

    /** The aliased table. */
    public Table table() {
        return table;
    }

    /** The alias name. */
    public String name() {
        return name;
    }

    /**
     * The alias' column named {@code name}: renders {@code alias.name}.
     *
     * @throws InvalidRequestException naming the table's columns when there is none
     */
    public ColumnElement<?> c(String name) {
        Nodes.FromColumn<?> c = columns.get(name);
        if (c == null) {
            table.c(name); // throws the table's "not found" message
        }
        return c;
    }

    @Override
    public Table underlyingTable() {
        return table;
    }

    @Override
    public ColumnElement<?> adapt(Column<?> column) {
        return c(column.name());
    }

    @Override
    public void accept(ClauseVisitor visitor) {
        visitor.visitAlias(this);
    }

    @Override
    public void appendKey(KeyBuilder key) {
        key.add("alias").add(table).add(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Alias a && a.table == table && a.name.equals(name);
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(table) * 31 + name.hashCode();
    }

    @Override
    public String toString() {
        return table.name() + " AS " + name;
    }
}
