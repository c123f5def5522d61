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
 *         column("id", BIGINT).primaryKey().autoincrement(),
 *         column("name", string(30)).notNull().comment("login name"),
 *         column("created", TIMESTAMP_TZ).notNull().serverDefault("CURRENT_TIMESTAMP"),
 *         column("team_id", INTEGER).references("teams.id").index());
 * }</pre>
 *
 * @param <T> the Java type of the column's values
 */
public final class Column<T> extends ColumnElement<T> implements TableElement {
    private final String name;
    private final SqlType<T> type;
    private final boolean primaryKey;
    private final boolean nullable;
    private final boolean unique;
    private final boolean index;
    private final boolean autoincrement;
    private final ForeignKey foreignKey;
    private final T defaultValue;
    private final String serverDefault;
    private final String comment;
    private final Table table;

    private Column(
            String name,
            SqlType<T> type,
            boolean primaryKey,
            boolean nullable,
            boolean unique,
            boolean index,
            boolean autoincrement,
            ForeignKey foreignKey,
            T defaultValue,
            String serverDefault,
            String comment,
            Table table) {
        this.name = name;
        this.type = type;
        this.primaryKey = primaryKey;
        this.nullable = nullable;
        this.unique = unique;
        this.index = index;
        this.autoincrement = autoincrement;
        this.foreignKey = foreignKey;
        this.defaultValue = defaultValue;
        this.serverDefault = serverDefault;
        this.comment = comment;
        this.table = table;
    }

    /**
     * A column definition, not yet attached to a table.
     *
     * <pre>{@code
     * column("name", string(30))
     * }</pre>
     */
    public static <T> Column<T> column(String name, SqlType<T> type) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A column needs a name");
        }
        return new Column<>(name, type, false, true, false, false, false, null, null, null, null, null);
    }

    private Column<T> copy(
            boolean primaryKey,
            boolean nullable,
            boolean unique,
            boolean index,
            boolean autoincrement,
            ForeignKey foreignKey,
            T defaultValue,
            String serverDefault,
            String comment,
            Table table) {
        return new Column<>(
                name,
                type,
                primaryKey,
                nullable,
                unique,
                index,
                autoincrement,
                foreignKey,
                defaultValue,
                serverDefault,
                comment,
                table);
    }

    /** Part of the primary key (implies NOT NULL). */
    public Column<T> primaryKey() {
        return copy(true, false, unique, index, autoincrement, foreignKey, defaultValue, serverDefault, comment, table);
    }

    /** NOT NULL. */
    public Column<T> notNull() {
        return copy(
                primaryKey,
                false,
                unique,
                index,
                autoincrement,
                foreignKey,
                defaultValue,
                serverDefault,
                comment,
                table);
    }

    /** Nullable (the default), e.g. to undo {@link #notNull()}. */
    public Column<T> nullable() {
        return copy(
                primaryKey,
                true,
                unique,
                index,
                autoincrement,
                foreignKey,
                defaultValue,
                serverDefault,
                comment,
                table);
    }

    /** UNIQUE: a single-column {@link UniqueConstraint} on the table. */
    public Column<T> unique() {
        return copy(
                primaryKey,
                nullable,
                true,
                index,
                autoincrement,
                foreignKey,
                defaultValue,
                serverDefault,
                comment,
                table);
    }

    /** An {@link Index} on this column alone, named by the naming convention ({@code ix_<table>_<column>}). */
    public Column<T> index() {
        return copy(
                primaryKey,
                nullable,
                unique,
                true,
                autoincrement,
                foreignKey,
                defaultValue,
                serverDefault,
                comment,
                table);
    }

    /**
     * Values generated by the database: {@code GENERATED BY DEFAULT AS IDENTITY} on PostgreSQL and H2,
     * {@code AUTO_INCREMENT} on MariaDB. For an integer column, usually the primary key.
     */
    public Column<T> autoincrement() {
        return copy(primaryKey, nullable, unique, index, true, foreignKey, defaultValue, serverDefault, comment, table);
    }

    /** A foreign key to {@code "table.column"} (or {@code "schema.table.column"}). */
    public Column<T> references(String tableDotColumn) {
        return references(ForeignKey.to(tableDotColumn));
    }

    /**
     * A foreign key with options.
     *
     * <pre>{@code
     * column("user_id", INTEGER).references(ForeignKey.to("users.id").onDelete(ReferentialAction.CASCADE))
     * }</pre>
     */
    public Column<T> references(ForeignKey foreignKey) {
        Objects.requireNonNull(foreignKey, "foreignKey");
        return copy(
                primaryKey,
                nullable,
                unique,
                index,
                autoincrement,
                foreignKey,
                defaultValue,
                serverDefault,
                comment,
                table);
    }

    /**
     * A value the client uses when an INSERT gives none (SQLAlchemy's {@code default=}); not part of the DDL.
     *
     * <pre>{@code
     * column("status", string(10)).defaultValue("new")
     * }</pre>
     */
    public Column<T> defaultValue(T value) {
        return copy(
                primaryKey, nullable, unique, index, autoincrement, foreignKey, value, serverDefault, comment, table);
    }

    /**
     * A {@code DEFAULT} clause in the DDL, as SQL text (SQLAlchemy's {@code server_default=text(...)}). A string
     * literal must carry its quotes.
     *
     * <pre>{@code
     * column("created", TIMESTAMP).serverDefault("CURRENT_TIMESTAMP")
     * column("status", string(10)).serverDefault("'new'")
     * }</pre>
     */
    public Column<T> serverDefault(String sql) {
        return copy(primaryKey, nullable, unique, index, autoincrement, foreignKey, defaultValue, sql, comment, table);
    }

    /** A comment stored with the column in the database. */
    public Column<T> comment(String comment) {
        return copy(
                primaryKey,
                nullable,
                unique,
                index,
                autoincrement,
                foreignKey,
                defaultValue,
                serverDefault,
                comment,
                table);
    }

    Column<T> attachTo(Table t) {
        return copy(
                primaryKey,
                nullable,
                unique,
                index,
                autoincrement,
                foreignKey,
                defaultValue,
                serverDefault,
                comment,
                t);
    }

    /** The column name. */
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

    /** {@code true} when the column asked for its own index. */
    public boolean isIndexed() {
        return index;
    }

    public boolean isAutoincrement() {
        return autoincrement;
    }

    /** The foreign-key target as {@code "table.column"}, or {@code null}. */
    public String references() {
        return foreignKey == null ? null : foreignKey.target();
    }

    /** The column-level foreign key, or {@code null}. */
    public ForeignKey foreignKey() {
        return foreignKey;
    }

    /** The client-side default value, or {@code null}. */
    public T defaultValue() {
        return defaultValue;
    }

    /** The DDL default as SQL text, or {@code null}. */
    public String serverDefault() {
        return serverDefault;
    }

    /** The comment, or {@code null}. */
    public String comment() {
        return comment;
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
