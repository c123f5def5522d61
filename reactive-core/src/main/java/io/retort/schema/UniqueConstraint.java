package io.retort.schema;

import java.util.List;

/**
 * {@code UNIQUE (columns)}, SQLAlchemy's {@code UniqueConstraint}. A single-column one is usually declared
 * with {@link Column#unique()}.
 *
 * <pre>{@code
 * metadata.table("accounts", column("org", INTEGER), column("login", string(40)),
 *         UniqueConstraint.of("org", "login").named("uq_accounts_org_login"));
 * }</pre>
 */
public final class UniqueConstraint implements TableElement {
    private final String name;
    private final List<String> columns;

    private UniqueConstraint(String name, List<String> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A unique constraint needs at least one column");
        }
        this.name = name;
        this.columns = List.copyOf(columns);
    }

    /** A unique constraint over {@code columns}. */
    public static UniqueConstraint of(String... columns) {
        return new UniqueConstraint(null, List.of(columns));
    }

    /** The same constraint with a name. */
    public UniqueConstraint named(String name) {
        return new UniqueConstraint(name, columns);
    }

    /** The constraint name, or {@code null}. */
    public String name() {
        return name;
    }

    /** The column names. */
    public List<String> columns() {
        return columns;
    }

    @Override
    public String toString() {
        return "UNIQUE " + columns;
    }
}
