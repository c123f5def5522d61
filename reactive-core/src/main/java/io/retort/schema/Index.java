package io.retort.schema;

import java.util.List;
import java.util.Objects;

/**
 * {@code CREATE [UNIQUE] INDEX name ON table (columns)}, SQLAlchemy's {@code Index}. An index without a name
 * is named by the MetaData's {@link NamingConvention} ({@code ix_<table>_<column>} by default). A partial
 * index ({@link #where}) is a PostgreSQL feature: other dialects create a non-unique partial index as a full
 * index and refuse a unique one.
 *
 * <pre>{@code
 * metadata.table("orders", column("id", INTEGER).primaryKey(), column("customer", INTEGER), column("open", BOOLEAN),
 *         Index.on("customer", "id").named("ix_orders_customer"),
 *         Index.on("customer").unique().where("open").named("uq_open_order"));
 * }</pre>
 */
public final class Index implements TableElement {
    private final String name;
    private final List<String> columns;
    private final boolean unique;
    private final String where;

    private Index(String name, List<String> columns, boolean unique, String where) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("An index needs at least one column");
        }
        this.name = name;
        this.columns = List.copyOf(columns);
        this.unique = unique;
        this.where = where;
    }

    /** An index on {@code columns}, in index order. */
    public static Index on(String... columns) {
        return new Index(null, List.of(columns), false, null);
    }

    /** The same index with a name. */
    public Index named(String name) {
        return new Index(Objects.requireNonNull(name, "name"), columns, unique, where);
    }

    /** The same index, UNIQUE. */
    public Index unique() {
        return new Index(name, columns, true, where);
    }

    /** The same index, partial: only rows where {@code sql} holds (PostgreSQL {@code WHERE}). */
    public Index where(String sql) {
        return new Index(name, columns, unique, Objects.requireNonNull(sql, "sql"));
    }

    /** The index name, or {@code null} before the table named it. */
    public String name() {
        return name;
    }

    public List<String> columns() {
        return columns;
    }

    public boolean isUnique() {
        return unique;
    }

    /** The partial-index condition, or {@code null}. */
    public String where() {
        return where;
    }

    @Override
    public String toString() {
        return (unique ? "UNIQUE INDEX " : "INDEX ") + (name == null ? "" : name + " ") + columns;
    }
}
