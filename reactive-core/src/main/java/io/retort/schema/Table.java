package io.retort.schema;

import io.retort.core.InvalidRequestException;
import io.retort.sql.Alias;
import io.retort.sql.ClauseVisitor;
import io.retort.sql.FromClause;
import io.retort.sql.Sql;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table of a {@link MetaData}, SQLAlchemy's {@code Table}. Created by {@link MetaData#table}; its columns
 * are reached with {@link #c(String)}.
 *
 * <pre>{@code
 * Table users = metadata.table("users", column("id", INTEGER).primaryKey(), column("name", string(30)));
 * users.c("name");        // the Column, for expressions
 * }</pre>
 */
public final class Table implements FromClause {
    private final MetaData metadata;
    private final String name;
    private final Map<String, Column<?>> columns;

    Table(MetaData metadata, String name, List<Column<?>> definitions) {
        this.metadata = metadata;
        this.name = name;
        Map<String, Column<?>> cols = new LinkedHashMap<>();
        for (Column<?> def : definitions) {
            if (cols.containsKey(def.name())) {
                throw new InvalidRequestException("Table '" + name + "' defines column '" + def.name() + "' twice");
            }
            cols.put(def.name(), def.attachTo(this));
        }
        if (cols.isEmpty()) {
            throw new InvalidRequestException("Table '" + name + "' has no columns");
        }
        this.columns = Collections.unmodifiableMap(cols);
    }

    public String name() {
        return name;
    }

    public MetaData metadata() {
        return metadata;
    }

    /**
     * The column named {@code name}.
     *
     * @throws InvalidRequestException naming the table and its columns when there is none
     */
    public Column<?> c(String name) {
        Column<?> c = columns.get(name);
        if (c == null) {
            throw new InvalidRequestException("Column '" + name + "' not found in table '" + this.name + "' (columns: "
                    + String.join(", ", columns.keySet()) + ")");
        }
        return c;
    }

    /** The column named {@code name}, typed: fails when its Java type is not {@code javaType}. */
    @SuppressWarnings("unchecked")
    public <T> Column<T> c(String name, Class<T> javaType) {
        Column<?> c = c(name);
        if (c.type().javaType() != javaType) {
            throw new InvalidRequestException("Column '" + this.name + "." + name + "' holds "
                    + c.type().javaType().getName() + ", not " + javaType.getName());
        }
        return (Column<T>) c;
    }

    /** The columns in definition order. */
    public List<Column<?>> columns() {
        return List.copyOf(columns.values());
    }

    /** The primary-key columns in definition order. */
    public List<Column<?>> primaryKey() {
        List<Column<?>> pk = new ArrayList<>();
        for (Column<?> c : columns.values()) {
            if (c.isPrimaryKey()) {
                pk.add(c);
            }
        }
        return pk;
    }

    /**
     * This table under another name, for self-joins (SQLAlchemy's {@code table.alias("name")}).
     *
     * <pre>{@code
     * Alias manager = employees.alias("manager");   // FROM employees AS manager
     * }</pre>
     */
    public Alias alias(String aliasName) {
        return Sql.alias(this, aliasName);
    }

    /** Renders the (quoted if needed) table name. */
    @Override
    public void accept(ClauseVisitor visitor) {
        visitor.visitTable(this);
    }

    @Override
    public Table underlyingTable() {
        return this;
    }

    @Override
    public String toString() {
        return name;
    }
}
