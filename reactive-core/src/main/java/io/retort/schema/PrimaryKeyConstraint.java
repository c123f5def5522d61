package io.retort.schema;

import java.util.List;

/**
 * A (composite) primary key declared at table level. A primary key of one column is usually declared with
 * {@link Column#primaryKey()}.
 *
 * <pre>{@code
 * metadata.table("memberships", column("user_id", INTEGER), column("group_id", INTEGER),
 *         PrimaryKeyConstraint.of("user_id", "group_id"));
 * // CREATE TABLE memberships (..., PRIMARY KEY (user_id, group_id))
 * }</pre>
 */
public final class PrimaryKeyConstraint implements TableElement {
    private final String name;
    private final List<String> columns;

    private PrimaryKeyConstraint(String name, List<String> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A primary key needs at least one column");
        }
        this.name = name;
        this.columns = List.copyOf(columns);
    }

    /** A primary key over {@code columns}, in key order. */
    public static PrimaryKeyConstraint of(String... columns) {
        return new PrimaryKeyConstraint(null, List.of(columns));
    }

    /** The same key with a constraint name. */
    public PrimaryKeyConstraint named(String name) {
        return new PrimaryKeyConstraint(name, columns);
    }

    /** The constraint name, or {@code null} (the database names it). */
    public String name() {
        return name;
    }

    /** The key's column names in key order. */
    public List<String> columns() {
        return columns;
    }

    @Override
    public String toString() {
        return "PRIMARY KEY " + columns;
    }
}
