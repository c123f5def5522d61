package io.retort.sql;

/**
 * An ORDER BY item: an expression, a direction and where NULLs go. Made by {@link ColumnElement#asc()} and
 * {@link ColumnElement#desc()}.
 *
 * <pre>{@code
 * users.c("name").desc().nullsLast()
 * // PostgreSQL, H2: users.name DESC NULLS LAST
 * // MariaDB:        users.name IS NULL, users.name DESC
 * }</pre>
 */
public final class OrderByElement implements ClauseElement {
    private final ColumnElement<?> expression;
    private final boolean ascending;
    private final Boolean nullsFirst;
    private final boolean implicitDirection;

    OrderByElement(ColumnElement<?> expression, boolean ascending, Boolean nullsFirst) {
        this(expression, ascending, nullsFirst, false);
    }

    private OrderByElement(ColumnElement<?> expression, boolean ascending, Boolean nullsFirst, boolean implicit) {
        this.expression = expression;
        this.ascending = ascending;
        this.nullsFirst = nullsFirst;
        this.implicitDirection = implicit;
    }

    static OrderByElement of(Object o) {
        if (o instanceof OrderByElement ob) {
            return ob;
        }
        if (o instanceof ColumnElement<?> c) {
            return new OrderByElement(c, true, null, true);
        }
        throw new IllegalArgumentException("orderBy takes expressions or asc()/desc() items, not " + o);
    }

    /** NULLs before other values. */
    public OrderByElement nullsFirst() {
        return new OrderByElement(expression, ascending, Boolean.TRUE, implicitDirection);
    }

    /** NULLs after other values. */
    public OrderByElement nullsLast() {
        return new OrderByElement(expression, ascending, Boolean.FALSE, implicitDirection);
    }

    /** The sorted expression. */
    public ColumnElement<?> expression() {
        return expression;
    }

    /** {@code true} for ascending. */
    public boolean ascending() {
        return ascending;
    }

    /** {@code true} when no direction was written (a plain expression given to orderBy). */
    public boolean directionImplicit() {
        return implicitDirection;
    }

    /** {@code TRUE} for NULLS FIRST, {@code FALSE} for NULLS LAST, {@code null} for the database's default. */
    public Boolean nullsFirstOrDefault() {
        return nullsFirst;
    }

    @Override
    public void accept(ClauseVisitor visitor) {
        visitor.visitOrderBy(this);
    }

    @Override
    public void appendKey(KeyBuilder key) {
        key.add("order")
                .add(ascending)
                .add(implicitDirection)
                .add(String.valueOf(nullsFirst))
                .add(expression);
    }
}
