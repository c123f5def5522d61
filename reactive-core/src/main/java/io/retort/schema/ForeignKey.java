package io.retort.schema;

import java.util.Objects;

/**
 * A column-level foreign key, SQLAlchemy's {@code ForeignKey("table.column")}: the referred column and the
 * {@code ON DELETE} / {@code ON UPDATE} actions. Immutable.
 *
 * <pre>{@code
 * column("user_id", INTEGER).notNull().references(ForeignKey.to("users.id").onDelete(ReferentialAction.CASCADE));
 * column("event_id", BIGINT).references("audit.events.id");   // a schema-qualified table
 * }</pre>
 */
public final class ForeignKey {
    private final String target;
    private final String name;
    private final ReferentialAction onDelete;
    private final ReferentialAction onUpdate;
    private final boolean useAlter;

    private ForeignKey(
            String target, String name, ReferentialAction onDelete, ReferentialAction onUpdate, boolean useAlter) {
        this.target = target;
        this.name = name;
        this.onDelete = onDelete;
        this.onUpdate = onUpdate;
        this.useAlter = useAlter;
    }

    /**
     * A foreign key to {@code "table.column"} or {@code "schema.table.column"}.
     *
     * @throws IllegalArgumentException when the target has no table part
     */
    public static ForeignKey to(String tableDotColumn) {
        Objects.requireNonNull(tableDotColumn, "tableDotColumn");
        int dot = tableDotColumn.lastIndexOf('.');
        if (dot < 1 || dot == tableDotColumn.length() - 1) {
            throw new IllegalArgumentException(
                    "A foreign key target is \"table.column\" or \"schema.table.column\", was '" + tableDotColumn
                            + "'");
        }
        return new ForeignKey(tableDotColumn, null, null, null, false);
    }

    /** The same key with a constraint name. */
    public ForeignKey named(String constraintName) {
        return new ForeignKey(target, constraintName, onDelete, onUpdate, useAlter);
    }

    /** The same key with {@code ON DELETE action}. */
    public ForeignKey onDelete(ReferentialAction action) {
        return new ForeignKey(target, name, action, onUpdate, useAlter);
    }

    /** The same key with {@code ON UPDATE action}. */
    public ForeignKey onUpdate(ReferentialAction action) {
        return new ForeignKey(target, name, onDelete, action, useAlter);
    }

    /**
     * The same key, always created by {@code ALTER TABLE ... ADD CONSTRAINT} after the tables (SQLAlchemy's
     * {@code use_alter=True}). Keys that form a cycle are created that way anyway.
     */
    public ForeignKey useAlter() {
        return new ForeignKey(target, name, onDelete, onUpdate, true);
    }

    /** The target as written: {@code "table.column"} or {@code "schema.table.column"}. */
    public String target() {
        return target;
    }

    /** The referred table's key ({@code "table"} or {@code "schema.table"}). */
    public String targetTable() {
        return target.substring(0, target.lastIndexOf('.'));
    }

    /** The referred column's name. */
    public String targetColumn() {
        return target.substring(target.lastIndexOf('.') + 1);
    }

    /** The constraint name, or {@code null}. */
    public String name() {
        return name;
    }

    public ReferentialAction onDelete() {
        return onDelete;
    }

    public ReferentialAction onUpdate() {
        return onUpdate;
    }

    public boolean isUseAlter() {
        return useAlter;
    }

    @Override
    public String toString() {
        return "ForeignKey(" + target + ")";
    }
}
