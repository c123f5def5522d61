package io.retort.schema;

import io.retort.sql.ClauseVisitor;
import io.retort.sql.ColumnElement;
import io.retort.sql.FromClause;
import io.retort.types.SqlType;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A table column, SQLAlchemy's {@code Column}: a name, a {@link SqlType} and its constraints. Immutable: each
 * modifier returns a new column. {@link #column(String, SqlType)} makes an unattached definition that
 * {@link MetaData#table} attaches to its table; {@code table.c("name")} returns the attached column, usable in
 * expressions.
 *
 * <pre>{@code
 * Table users = metadata.table("users",
 *         column("id", INTEGER).primaryKey(),
 *         column("name", string(30)).notNull(),
 *         column("team_id", INTEGER).references("teams.id"));
 * }</pre>
 *
 * @param <T> the Java type of the column's values
 */
public final class Column<T> extends ColumnElement<T> {
    private final String name;
    private final SqlType<T> type;
    private final boolean primaryKey;
    private final boolean nullable;
    private final boolean unique;
    private final String references;
    private final Table table;

    private Column(
            String name,
            SqlType<T> type,
            boolean primaryKey,
            boolean nullable,
            boolean unique,
            String references,
            Table table) {
        this.name = name;
        this.type = type;
        this.primaryKey = primaryKey;
        this.nullable = nullable;
        this.unique = unique;
        this.references = references;
        this.table = table;
    }

    /** A column definition, not yet attached to a table. */
    public static <T> Column<T> column(String name, SqlType<T> type) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A column needs a name");
        }
        return new Column<>(name, type, false, true, false, null, null);
    }

    /** Part of the primary key (implies NOT NULL). */
    public Column<T> primaryKey() {
        return new Column<>(name, type, true, false, unique, references, table);
    }

    /** NOT NULL. */
    public Column<T> notNull() {
        return new Column<>(name, type, primaryKey, false, unique, references, table);
    }

    /** UNIQUE. */
    public Column<T> unique() {
        return new Column<>(name, type, primaryKey, nullable, true, references, table);
    }

    /** A foreign key to {@code "table.column"}. */
    public Column<T> references(String tableDotColumn) {
        Objects.requireNonNull(tableDotColumn, "tableDotColumn");
        if (tableDotColumn.indexOf('.') < 1) {
            throw new IllegalArgumentException(
                    "references() takes \"table.column\", was '" + tableDotColumn + "' (column " + name + ")");
        }
        return new Column<>(name, type, primaryKey, nullable, unique, tableDotColumn, table);
    }

    Column<T> attachTo(Table t) {
        return new Column<>(name, type, primaryKey, nullable, unique, references, t);
    }

    public String name() {
        return name;
    }

    @Override
    public SqlType<T> type() {
        return type;
    }

    public boolean isPrimaryKey() {
        return primaryKey;
    }

    public boolean isNullable() {
        return nullable;
    }

    public boolean isUnique() {
        return unique;
    }

    /** The foreign-key target as {@code "table.column"}, or {@code null}. */
    public String references() {
        return references;
    }

    /** The table this column belongs to, or {@code null} for an unattached definition. */
    public Table table() {
        return table;
    }

    /** Renders {@code table.name} (or {@code name} where the statement wants plain column names). */
    @Override
    public void accept(ClauseVisitor visitor) {
        visitor.visitColumn(this);
    }

    @Override
    public void collectFroms(Consumer<FromClause> sink) {
        if (table != null) {
            sink.accept(table);
        }
    }

    @Override
    public String resultName() {
        return name;
    }

    @Override
    public String toString() {
        return table == null ? name : table.name() + "." + name;
    }
}
