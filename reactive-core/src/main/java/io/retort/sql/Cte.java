package io.retort.sql;

/**
 * A common table expression: {@code WITH name AS (SELECT ...)}, SQLAlchemy's {@code select(...).cte("name")}.
 * Used like a table; the WITH clause is written at the top of the statement that uses it. A recursive CTE is
 * completed with {@link #unionAll(Select)} whose select refers to the CTE itself.
 *
 * <pre>{@code
 * Cte nums = select(literal(1).label("n")).cteRecursive("nums");
 * nums = nums.unionAll(select(nums.c("n").add(1)).where(nums.c("n").lt(5)));
 * select(nums.c("n")).from(nums);
 * // WITH RECURSIVE nums(n) AS (SELECT $1 AS n UNION ALL SELECT nums.n + $2 FROM nums WHERE nums.n < $3)
 * // SELECT nums.n FROM nums              (MariaDB: the same with ? placeholders)
 * }</pre>
 */
public final class Cte extends Subquery {
    private final boolean recursive;

    Cte(SelectBase select, String name, boolean recursive) {
        super(select, name);
        this.recursive = recursive;
    }

    @Override
    public boolean isCte() {
        return true;
    }

    @Override
    public boolean isRecursive() {
        return recursive;
    }

    /** This CTE's body {@code UNION ALL} {@code recursivePart}: the CTE to use in the final query. */
    public Cte unionAll(Select recursivePart) {
        return new Cte(select().unionAll(recursivePart), name(), recursive);
    }

    /** This CTE's body {@code UNION} {@code part}. */
    public Cte union(Select part) {
        return new Cte(select().union(part), name(), recursive);
    }
}
