package io.retort.sql;

import io.retort.core.InvalidRequestException;
import io.retort.sql.internal.Nodes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A SELECT used as a FROM item (a derived table), SQLAlchemy's {@code select(...).subquery("name")}; its result
 * columns are reached with {@link #c(String)}. {@link Cte} is the WITH form.
 *
 * <pre>{@code
 * Subquery counts = select(addresses.c("user_id"), func.count().label("n"))
 *         .groupBy(addresses.c("user_id")).subquery("counts");
 * select(users.c("name"), counts.c("n")).join(counts, users.c("id").eq(counts.c("user_id")));
 * // SELECT users.name, counts.n FROM users JOIN (SELECT addresses.user_id, count(*) AS n FROM addresses
 * //     GROUP BY addresses.user_id) AS counts ON users.id = counts.user_id
 * }</pre>
 */
public class Subquery implements FromClause {
    private final SelectBase select;
    private final String name;
    private final Map<String, Nodes.FromColumn<?>> columns = new LinkedHashMap<>();

    Subquery(SelectBase select, String name) {
        this.select = Objects.requireNonNull(select, "select");
        this.name = Objects.requireNonNull(name, "name");
        for (ColumnElement<?> c : select.selectedColumns()) {
            String n = c.resultName();
            if (n != null && !columns.containsKey(n)) {
                columns.put(n, fromColumn(c));
            }
        }
    }

    private <T> Nodes.FromColumn<T> fromColumn(ColumnElement<T> c) {
        return new Nodes.FromColumn<>(this, c.resultName(), c.type());
    }

    /** The SELECT (or compound SELECT) inside. */
    public SelectBase select() {
        return select;
    }

    /** The name it is referred to by. */
    public String name() {
        return name;
    }

    /** {@code true} for a CTE. */
    public boolean isCte() {
        return false;
    }

    /** {@code true} for a recursive CTE. */
    public boolean isRecursive() {
        return false;
    }

    /**
     * The result column named {@code name} (a column's name or a label).
     *
     * @throws InvalidRequestException listing the names there are
     */
    public ColumnElement<?> c(String name) {
        Nodes.FromColumn<?> c = columns.get(name);
        if (c == null) {
            throw new InvalidRequestException("Column '" + name + "' not found in subquery '" + this.name
                    + "' (columns: " + String.join(", ", columns.keySet()) + ")");
        }
        return c;
    }

    /** The result column names. */
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    @Override
    public void accept(ClauseVisitor visitor) {
        visitor.visitSubquery(this);
    }

    @Override
    public void appendKey(KeyBuilder key) {
        if (key.firstVisit(this)) {
            key.add(isCte() ? "cte" : "subq").add(name).add(isRecursive()).add(select);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
