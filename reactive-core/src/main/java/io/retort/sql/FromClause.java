package io.retort.sql;

import io.retort.schema.Table;
import java.util.List;
import java.util.function.Consumer;

/**
 * Something a SELECT reads rows from: a {@link Table}, an {@link Alias}, a {@link Subquery}, a {@link Cte} or a
 * {@link Join} of them.
 *
 * <pre>{@code
 * FromClause f = users.join(addresses);          // users JOIN addresses ON users.id = addresses.user_id
 * select(users.c("name")).from(f);
 * }</pre>
 */
public interface FromClause extends ClauseElement {

    /**
     * The leaf FROM items this clause is made of (itself, or the two sides of a join, recursively), used to
     * infer join conditions and to avoid listing a table twice.
     */
    default void collectLeaves(Consumer<FromClause> sink) {
        sink.accept(this);
    }

    /** The leaves as a list. */
    default List<FromClause> leaves() {
        java.util.ArrayList<FromClause> out = new java.util.ArrayList<>();
        collectLeaves(out::add);
        return out;
    }

    /**
     * The table this leaf stands for ({@code this} for a table, the aliased table for an alias), used to find
     * foreign keys; {@code null} for subqueries.
     */
    default Table underlyingTable() {
        return null;
    }

    /**
     * The column of this FROM item that stands for {@code column} of its underlying table (the column itself
     * for a table, the alias' column for an alias).
     */
    default ColumnElement<?> adapt(io.retort.schema.Column<?> column) {
        return column;
    }

    /**
     * {@code this JOIN right ON ...}, the condition inferred from the one foreign key between the two sides.
     *
     * <pre>{@code
     * users.join(addresses)   // users JOIN addresses ON users.id = addresses.user_id
     * }</pre>
     */
    default Join join(FromClause right) {
        return Join.of(this, right, null, Join.Kind.INNER);
    }

    /** {@code this JOIN right ON onClause}. */
    default Join join(FromClause right, ColumnElement<Boolean> onClause) {
        return Join.of(this, right, onClause, Join.Kind.INNER);
    }

    /** {@code this LEFT OUTER JOIN right ON ...} (inferred condition). */
    default Join outerJoin(FromClause right) {
        return Join.of(this, right, null, Join.Kind.LEFT);
    }

    /** {@code this LEFT OUTER JOIN right ON onClause}. */
    default Join outerJoin(FromClause right, ColumnElement<Boolean> onClause) {
        return Join.of(this, right, onClause, Join.Kind.LEFT);
    }

    /** {@code this FULL OUTER JOIN right ON ...}; not on MariaDB and H2 (a compile error says so). */
    default Join fullOuterJoin(FromClause right, ColumnElement<Boolean> onClause) {
        return Join.of(this, right, onClause, Join.Kind.FULL);
    }
}
