package io.retort.schema;

import java.util.Objects;

/**
 * {@code CHECK (sql)}, SQLAlchemy's {@code CheckConstraint}. The condition is SQL text written into the DDL as
 * is; write it portably or per dialect.
 *
 * <pre>{@code
 * metadata.table("products", column("price", numeric(10, 2)), CheckConstraint.of("price >= 0").named("ck_price"));
 * // CREATE TABLE products (price NUMERIC(10, 2), CONSTRAINT ck_price CHECK (price >= 0))
 * }</pre>
 */
public final class CheckConstraint implements TableElement {
    private final String name;
    private final String sql;

    private CheckConstraint(String name, String sql) {
        this.name = name;
        this.sql = Objects.requireNonNull(sql, "sql");
        if (sql.isBlank()) {
            throw new IllegalArgumentException("A check constraint needs a condition");
        }
    }

    /** A check of {@code sql}. */
    public static CheckConstraint of(String sql) {
        return new CheckConstraint(null, sql);
    }

    /** The same check with a name. */
    public CheckConstraint named(String name) {
        return new CheckConstraint(name, sql);
    }

    /** The constraint name, or {@code null}. */
    public String name() {
        return name;
    }

    /** The condition as SQL text. */
    public String sql() {
        return sql;
    }

    @Override
    public String toString() {
        return "CHECK (" + sql + ")";
    }
}
