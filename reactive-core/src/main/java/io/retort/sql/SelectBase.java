package io.retort.sql;

import java.util.List;

/**
 * A SELECT or a compound SELECT (UNION, ...): what can be a subquery, a CTE or part of a set operation.
 *
 * <pre>{@code
 * SelectBase q = select(users.c("id")).union(select(admins.c("id")));
 * q.subquery("ids");
 * }</pre>
 */
public abstract class SelectBase extends StatementBase {
    SelectBase() {}

    /** The result columns, in order. */
    public abstract List<ColumnElement<?>> selectedColumns();

    /** {@code this UNION other}. */
    public CompoundSelect union(SelectBase... others) {
        return CompoundSelect.of(CompoundSelect.Op.UNION, this, others);
    }

    /** {@code this UNION ALL other}. */
    public CompoundSelect unionAll(SelectBase... others) {
        return CompoundSelect.of(CompoundSelect.Op.UNION_ALL, this, others);
    }

    /** {@code this INTERSECT other}. */
    public CompoundSelect intersect(SelectBase... others) {
        return CompoundSelect.of(CompoundSelect.Op.INTERSECT, this, others);
    }

    /** {@code this EXCEPT other}. */
    public CompoundSelect except(SelectBase... others) {
        return CompoundSelect.of(CompoundSelect.Op.EXCEPT, this, others);
    }

    /** This query as a FROM item named {@code name}: {@code (SELECT ...) AS name}. */
    public Subquery subquery(String name) {
        return new Subquery(this, name);
    }

    /** This query as a common table expression {@code WITH name AS (...)}. */
    public Cte cte(String name) {
        return new Cte(this, name, false);
    }

    /** The anchor of a recursive CTE ({@code WITH RECURSIVE}); complete it with {@link Cte#unionAll(Select)}. */
    public Cte cteRecursive(String name) {
        return new Cte(this, name, true);
    }
}
