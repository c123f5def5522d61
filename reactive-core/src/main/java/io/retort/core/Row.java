package io.retort.core;

import io.retort.sql.ColumnElement;
import java.util.List;
import java.util.Map;

/**
 * One result row, read completely from the driver so it stays valid after the stream moved on. Column names
 * are normalised by the dialect (H2's {@code NAME} reads as {@code name}); lookups by name are exact first,
 * then case-insensitive.
 *
 * <pre>{@code
 * engine.connect(c -> c.execute(text("SELECT id, name FROM users")))
 *       .map(row -> row.get("id", Long.class) + " " + row.get("name", String.class));
 * }</pre>
 */
public interface Row {

    /** The value of the column at {@code index} (zero-based), as the driver returned it. */
    Object get(int index);

    /** The value of the column named {@code name}, as the driver returned it. */
    Object get(String name);

    /**
     * The value at {@code index} as {@code type}: numbers widen or narrow exactly, strings become enums, UUIDs
     * and so on.
     *
     * @throws TypeConversionException naming the column, the value's type and {@code type} when it cannot
     */
    <T> T get(int index, Class<T> type);

    /** The value of column {@code name} as {@code type}; see {@link #get(int, Class)}. */
    <T> T get(String name, Class<T> type);

    /**
     * The value of the result column {@code column} (a table column, a label, any selected expression),
     * converted to the column's Java type. Finds the right column even when two have the same name.
     *
     * <pre>{@code
     * engine.connect(c -> c.execute(select(users.c("id"), addresses.c("id")).join(addresses)))
     *       .map(row -> row.get(users.c("id")) + " / " + row.get(addresses.c("id")));
     * }</pre>
     *
     * @throws InvalidRequestException when the row has no such column
     */
    <T> T get(ColumnElement<T> column);

    /** The column names in result order. */
    List<String> columnNames();

    /** Number of columns. */
    int size();

    /** The row as an insertion-ordered map from column name to value. */
    Map<String, Object> asMap();
}
