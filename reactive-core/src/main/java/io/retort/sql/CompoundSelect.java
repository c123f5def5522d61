package io.retort.sql;

import io.retort.sql.internal.Nodes;
import io.retort.types.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SELECT ... UNION [ALL] | INTERSECT | EXCEPT SELECT ...}, with its own ORDER BY, LIMIT and OFFSET.
 *
 * <pre>{@code
 * select(users.c("name")).where(users.c("id").lt(3)).union(select(users.c("name")).where(users.c("id").gt(4)))
 *         .orderBy(users.c("name"))
 * // SELECT users.name FROM users WHERE users.id < $1 UNION SELECT users.name FROM users WHERE users.id > $2
 * //     ORDER BY name
 * }</pre>
 */
public final class CompoundSelect extends SelectBase {
    /** The set operator. */
    public enum Op {
        UNION("UNION"),
        UNION_ALL("UNION ALL"),
        INTERSECT("INTERSECT"),
        EXCEPT("EXCEPT");

        private final String sql;

        Op(String sql) {
            this.sql = sql;
        }

        /** The SQL keywords, e.g. {@code UNION ALL}. */
        public String sql() {
            return sql;
        }
    }

    private final Op op;
    private final List<SelectBase> selects;
    private final List<OrderByElement> orderBy;
    private final ColumnElement<?> limit;
    private final ColumnElement<?> offset;

    private CompoundSelect(
            Op op,
            List<SelectBase> selects,
            List<OrderByElement> orderBy,
            ColumnElement<?> limit,
            ColumnElement<?> offset) {
        this.op = op;
        this.selects = List.copyOf(selects);
        this.orderBy = List.copyOf(orderBy);
        this.limit = limit;
        this.offset = offset;
    }

    static CompoundSelect of(Op op, SelectBase first, SelectBase... others) {
        List<SelectBase> all = new ArrayList<>();
        all.add(first);
        all.addAll(List.of(others));
        return new CompoundSelect(op, all, List.of(), null, null);
    }

    /** The set operator. */
    public Op op() {
        return op;
    }

    /** The combined selects, in order. */
    public List<SelectBase> selects() {
        return selects;
    }

    /** The ORDER BY items of the whole compound. */
    public List<OrderByElement> orderByItems() {
        return orderBy;
    }

    /** The bound LIMIT, or {@code null}. */
    public ColumnElement<?> limitValue() {
        return limit;
    }

    /** The bound OFFSET, or {@code null}. */
    public ColumnElement<?> offsetValue() {
        return offset;
    }

    /**
     * ORDER BY for the whole compound; columns are rendered by their result name ({@code ORDER BY name}).
     */
    public CompoundSelect orderBy(Object... items) {
        List<OrderByElement> o = new ArrayList<>(orderBy);
        for (Object i : items) {
            o.add(OrderByElement.of(i));
        }
        return new CompoundSelect(op, selects, o, limit, offset);
    }

    /** LIMIT for the whole compound (bound). */
    public CompoundSelect limit(int n) {
        return new CompoundSelect(op, selects, orderBy, new Nodes.Bind<>(n, Types.INTEGER), offset);
    }

    /** OFFSET for the whole compound (bound). */
    public CompoundSelect offset(int n) {
        return new CompoundSelect(op, selects, orderBy, limit, new Nodes.Bind<>(n, Types.INTEGER));
    }

    @Override
    public List<ColumnElement<?>> selectedColumns() {
        return selects.get(0).selectedColumns();
    }

    @Override
    public void accept(ClauseVisitor visitor) {
        visitor.visitCompoundSelect(this);
    }

    @Override
    public void appendKey(KeyBuilder key) {
        key.add("compound").add(op).addAll(selects).addAll(orderBy).add(limit).add(offset);
    }

    @Override
    public String toString() {
        return op + " of " + selects.size() + " selects";
    }
}
