package io.retort.sql;

import io.retort.core.InvalidRequestException;
import io.retort.schema.Column;
import io.retort.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code left [LEFT OUTER | FULL OUTER] JOIN right ON condition}. Without an explicit condition it is inferred
 * from the one foreign key between the two sides; none or several is an error naming them.
 *
 * <pre>{@code
 * users.join(addresses)              // users JOIN addresses ON users.id = addresses.user_id
 * users.outerJoin(addresses)         // users LEFT OUTER JOIN addresses ON users.id = addresses.user_id
 * }</pre>
 */
public final class Join implements FromClause {
    /** The kind of join. */
    public enum Kind {
        INNER("JOIN"),
        LEFT("LEFT OUTER JOIN"),
        FULL("FULL OUTER JOIN");

        private final String sql;

        Kind(String sql) {
            this.sql = sql;
        }

        /** The SQL keywords. */
        public String sql() {
            return sql;
        }
    }

    private final FromClause left;
    private final FromClause right;
    private final ColumnElement<Boolean> on;
    private final Kind kind;

    private Join(FromClause left, FromClause right, ColumnElement<Boolean> on, Kind kind) {
        this.left = left;
        this.right = right;
        this.on = on;
        this.kind = kind;
    }

    static Join of(FromClause left, FromClause right, ColumnElement<Boolean> on, Kind kind) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        return new Join(left, right, on != null ? on : infer(left, right), kind);
    }

    /** The ON condition between the leaves of {@code left} and {@code right} from their one foreign key. */
    static ColumnElement<Boolean> infer(FromClause left, FromClause right) {
        List<ColumnElement<Boolean>> found = new ArrayList<>();
        List<String> described = new ArrayList<>();
        Table rt = right.underlyingTable();
        if (rt == null) {
            throw new InvalidRequestException("Cannot infer a join condition to " + right
                    + " (not a table): give the ON clause, e.g. join(" + right + ", a.eq(b))");
        }
        for (FromClause leaf : left.leaves()) {
            Table lt = leaf.underlyingTable();
            if (lt == null) {
                continue;
            }
            fks(leaf, lt, right, rt, found, described);
            if (lt != rt) {
                fks(right, rt, leaf, lt, found, described);
            }
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw new InvalidRequestException("Cannot infer a join condition between " + left + " and " + right
                    + ": there is no foreign key between them; give the ON clause");
        }
        throw new InvalidRequestException("Cannot infer a join condition between " + left + " and " + right
                + ": there are " + found.size() + " foreign keys (" + String.join(", ", described)
                + "); give the ON clause");
    }

    /** Foreign keys of {@code fromTable}'s columns that point at {@code toTable}. */
    private static void fks(
            FromClause from,
            Table fromTable,
            FromClause to,
            Table toTable,
            List<ColumnElement<Boolean>> found,
            List<String> described) {
        for (Column<?> c : fromTable.columns()) {
            String ref = c.references();
            if (ref == null) {
                continue;
            }
            int dot = ref.lastIndexOf('.');
            String tableName = ref.substring(0, dot);
            String colName = ref.substring(dot + 1);
            if (!tableName.equals(toTable.name())) {
                continue;
            }
            Column<?> target = toTable.c(colName);
            found.add(to.adapt(target).eq(from.adapt(c)));
            described.add(fromTable.name() + "." + c.name() + " -> " + ref);
        }
    }

    /** The left side. */
    public FromClause left() {
        return left;
    }

    /** The right side. */
    public FromClause right() {
        return right;
    }

    /** The ON condition (given or inferred). */
    public ColumnElement<Boolean> onClause() {
        return on;
    }

    /** INNER, LEFT OUTER or FULL OUTER. */
    public Kind kind() {
        return kind;
    }

    @Override
    public void collectLeaves(Consumer<FromClause> sink) {
        left.collectLeaves(sink);
        right.collectLeaves(sink);
    }

    @Override
    public void accept(ClauseVisitor visitor) {
        visitor.visitJoin(this);
    }

    @Override
    public void appendKey(KeyBuilder key) {
        key.add("join").add(kind).add(left).add(right).add(on);
    }

    @Override
    public String toString() {
        return left + " " + kind.sql() + " " + right;
    }
}
