package io.retort.schema;

import java.util.List;
import java.util.Objects;

/**
 * A (composite) foreign key, SQLAlchemy's {@code ForeignKeyConstraint}: columns of this table that refer to
 * columns of another. Column-level {@link ForeignKey}s become one of these on their table
 * ({@link Table#foreignKeys()}).
 *
 * <pre>{@code
 * metadata.table("line_notes", column("order_id", INTEGER), column("line", INTEGER), column("note", TEXT),
 *         ForeignKeyConstraint.of(List.of("order_id", "line"), "line_items", List.of("order_id", "line"))
 *                 .onDelete(ReferentialAction.CASCADE));
 * }</pre>
 */
public final class ForeignKeyConstraint implements TableElement {
    private final String name;
    private final List<String> columns;
    private final String referredTable;
    private final List<String> referredColumns;
    private final ReferentialAction onDelete;
    private final ReferentialAction onUpdate;
    private final boolean useAlter;

    private ForeignKeyConstraint(
            String name,
            List<String> columns,
            String referredTable,
            List<String> referredColumns,
            ReferentialAction onDelete,
            ReferentialAction onUpdate,
            boolean useAlter) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.referredTable = Objects.requireNonNull(referredTable, "referredTable");
        this.referredColumns = List.copyOf(referredColumns);
        this.onDelete = onDelete;
        this.onUpdate = onUpdate;
        this.useAlter = useAlter;
        if (this.columns.isEmpty() || this.columns.size() != this.referredColumns.size()) {
            throw new IllegalArgumentException("A foreign key needs as many referred columns as columns, was " + columns
                    + " -> " + referredTable + referredColumns);
        }
    }

    /**
     * A foreign key from {@code columns} to {@code referredColumns} of the table {@code referredTable}
     * ({@code "table"} or {@code "schema.table"}).
     */
    public static ForeignKeyConstraint of(List<String> columns, String referredTable, List<String> referredColumns) {
        return new ForeignKeyConstraint(null, columns, referredTable, referredColumns, null, null, false);
    }

    static ForeignKeyConstraint fromColumn(String column, ForeignKey fk) {
        return new ForeignKeyConstraint(
                fk.name(),
                List.of(column),
                fk.targetTable(),
                List.of(fk.targetColumn()),
                fk.onDelete(),
                fk.onUpdate(),
                fk.isUseAlter());
    }

    /** The same key with a constraint name. */
    public ForeignKeyConstraint named(String name) {
        return new ForeignKeyConstraint(name, columns, referredTable, referredColumns, onDelete, onUpdate, useAlter);
    }

    /** The same key with {@code ON DELETE action}. */
    public ForeignKeyConstraint onDelete(ReferentialAction action) {
        return new ForeignKeyConstraint(name, columns, referredTable, referredColumns, action, onUpdate, useAlter);
    }

    /** The same key with {@code ON UPDATE action}. */
    public ForeignKeyConstraint onUpdate(ReferentialAction action) {
        return new ForeignKeyConstraint(name, columns, referredTable, referredColumns, onDelete, action, useAlter);
    }

    /** The same key, created with {@code ALTER TABLE ... ADD CONSTRAINT} after the tables. */
    public ForeignKeyConstraint useAlter() {
        return new ForeignKeyConstraint(name, columns, referredTable, referredColumns, onDelete, onUpdate, true);
    }

    /** The constraint name, or {@code null}. */
    public String name() {
        return name;
    }

    /** The referring columns of this table. */
    public List<String> columns() {
        return columns;
    }

    /** The referred table's key: {@code "table"} or {@code "schema.table"}. */
    public String referredTable() {
        return referredTable;
    }

    /** The referred columns, in the order of {@link #columns()}. */
    public List<String> referredColumns() {
        return referredColumns;
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
        return "FOREIGN KEY " + columns + " REFERENCES " + referredTable + referredColumns;
    }
}
