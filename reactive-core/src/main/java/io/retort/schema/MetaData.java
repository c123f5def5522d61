package io.retort.schema;

import io.retort.core.InvalidRequestException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A collection of {@link Table}s, SQLAlchemy's {@code MetaData}.
 *
 * <pre>{@code
 * MetaData metadata = new MetaData();
 * Table users = metadata.table("users", column("id", INTEGER).primaryKey(), column("name", string(30)).notNull());
 * }</pre>
 */
public final class MetaData {
    private final Map<String, Table> tables = Collections.synchronizedMap(new LinkedHashMap<>());

    /**
     * Defines a table.
     *
     * @throws InvalidRequestException when a table of that name is already defined, or a column is repeated
     */
    public Table table(String name, Column<?>... columns) {
        Table t = new Table(this, name, List.of(columns));
        synchronized (tables) {
            if (tables.containsKey(name)) {
                throw new InvalidRequestException("Table '" + name + "' is already defined in this MetaData");
            }
            tables.put(name, t);
        }
        return t;
    }

    /** The table named {@code name}, or an error listing the tables that exist. */
    public Table table(String name) {
        Table t = tables.get(name);
        if (t == null) {
            throw new InvalidRequestException(
                    "Table '" + name + "' not found in MetaData (tables: " + String.join(", ", tables.keySet()) + ")");
        }
        return t;
    }

    /** The tables in definition order. */
    public List<Table> tables() {
        synchronized (tables) {
            return List.copyOf(tables.values());
        }
    }
}
