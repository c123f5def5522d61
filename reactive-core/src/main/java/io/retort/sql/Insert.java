package io.retort.sql;

import io.retort.core.InvalidRequestException;
import io.retort.schema.Column;
import io.retort.schema.Table;
import io.retort.sql.internal.Nodes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An INSERT statement, SQLAlchemy's {@code insert(table)}. Immutable. Values are bound; without values it takes
 * its columns from the parameters given at execution, which makes {@code executeUpdate(insert(t), rows)} an
 * executemany sent as multi-row {@code VALUES (...), (...)}.
 *
 * <pre>{@code
 * insert(users).values(Map.of("id", 1, "name", "sandy"))
 * // INSERT INTO users (id, name) VALUES ($1, $2)                          (MariaDB: ?, ?)
 * insert(users).values(Map.of("id", 1, "name", "sandy")).returning(users.c("id"))
 * // PostgreSQL, MariaDB: INSERT INTO users (id, name) VALUES ($1, $2) RETURNING id
 * // H2: SELECT id FROM FINAL TABLE (INSERT INTO users (id, name) VALUES ($1, $2))
 * insert(users).values(...).onConflictDoUpdate(List.of(users.c("id")), Map.of("name", excluded(users.c("name"))))
 * // PostgreSQL: ... ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name
 * // MariaDB:    ... ON DUPLICATE KEY UPDATE name = VALUES(name)
 * // H2:         MERGE INTO users USING (VALUES ($1, $2)) AS excluded (id, name) ON ... WHEN MATCHED THEN UPDATE ...
 * }</pre>
 */
public final class Insert extends StatementBase {
    /** The conflict clause of an upsert. */
    public static final class OnConflict {
        private final List<Column<?>> target;
        private final Map<Column<?>, ColumnElement<?>> set;

        OnConflict(List<Column<?>> target, Map<Column<?>, ColumnElement<?>> set) {
            this.target = List.copyOf(target);
            this.set = set;
        }

        /** The conflict columns (the primary key when none were given). */
        public List<Column<?>> target() {
            return target;
        }

        /** The SET assignments; empty for DO NOTHING. */
        public Map<Column<?>, ColumnElement<?>> set() {
            return set;
        }

        /** {@code true} for DO NOTHING (no SET assignments). */
        public boolean doNothing() {
            return set.isEmpty();
        }
    }

    private final Table table;
    private final List<Column<?>> columns;
    private final List<List<ColumnElement<?>>> rows;
    private final SelectBase fromSelect;
    private final List<ColumnElement<?>> returning;
    private final OnConflict onConflict;

    private Insert(
            Table table,
            List<Column<?>> columns,
            List<List<ColumnElement<?>>> rows,
            SelectBase fromSelect,
            List<ColumnElement<?>> returning,
            OnConflict onConflict) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
        this.fromSelect = fromSelect;
        this.returning = List.copyOf(returning);
        this.onConflict = onConflict;
    }

    static Insert into(Table table) {
        return new Insert(Objects.requireNonNull(table, "table"), List.of(), List.of(), null, List.of(), null);
    }

    /** One row: keys are column names or Columns, values are bound (or expressions). */
    public Insert values(Map<?, ?> row) {
        return values(List.of(row));
    }

    /**
     * Several rows in one statement: {@code VALUES (...), (...)}. Every row must name the same columns.
     */
    public Insert values(List<? extends Map<?, ?>> rowMaps) {
        if (rowMaps.isEmpty()) {
            throw new InvalidRequestException("insert(" + table.name() + ").values() needs at least one row");
        }
        List<Column<?>> cols = null;
        List<List<ColumnElement<?>>> out = new ArrayList<>();
        for (Map<?, ?> m : rowMaps) {
            Map<Column<?>, ColumnElement<?>> a = Dml.assignments(table, m);
            List<Column<?>> c = new ArrayList<>(a.keySet());
            if (cols == null) {
                cols = c;
            } else if (!cols.equals(c)) {
                throw new InvalidRequestException("insert(" + table.name()
                        + ").values(): every row must name the same columns; " + names(cols) + " vs " + names(c));
            }
            out.add(new ArrayList<>(a.values()));
        }
        return new Insert(table, cols, out, null, returning, onConflict);
    }

    private static List<String> names(List<Column<?>> cols) {
        return cols.stream().map(Column::name).toList();
    }

    /** {@code INSERT INTO t (columns) SELECT ...}. */
    public Insert fromSelect(List<? extends Column<?>> intoColumns, SelectBase select) {
        return new Insert(table, new ArrayList<>(intoColumns), List.of(), select, returning, onConflict);
    }

    /** RETURNING these columns (names, Columns, or the table for all); see the class example per dialect. */
    public Insert returning(Object... items) {
        return new Insert(table, columns, rows, fromSelect, Dml.returning(table, items), onConflict);
    }

    /**
     * Upsert that ignores rows conflicting on the primary key: PostgreSQL {@code ON CONFLICT DO NOTHING},
     * MariaDB {@code ON DUPLICATE KEY UPDATE id = id}, H2 a MERGE without an update branch.
     */
    public Insert onConflictDoNothing() {
        return new Insert(table, columns, rows, fromSelect, returning, new OnConflict(table.primaryKey(), Map.of()));
    }

    /** Upsert ignoring rows that conflict on {@code target}. */
    public Insert onConflictDoNothing(List<? extends Column<?>> target) {
        return new Insert(
                table, columns, rows, fromSelect, returning, new OnConflict(new ArrayList<>(target), Map.of()));
    }

    /**
     * Upsert: insert, or when a row conflicts on {@code target} (a unique key; MariaDB uses whichever unique key
     * conflicts), update it with {@code set} (keys: column names or Columns; values bound, or expressions such as
     * {@link Sql#excluded(Column)} for the proposed value).
     */
    public Insert onConflictDoUpdate(List<? extends Column<?>> target, Map<?, ?> set) {
        if (set.isEmpty()) {
            throw new InvalidRequestException("onConflictDoUpdate needs at least one SET assignment");
        }
        Map<Column<?>, ColumnElement<?>> s = new LinkedHashMap<>(Dml.assignments(table, set));
        return new Insert(table, columns, rows, fromSelect, returning, new OnConflict(new ArrayList<>(target), s));
    }

    /**
     * For an INSERT without values, the same INSERT with a named parameter per given column (in table order),
     * so it can run with parameter maps; any other INSERT is returned unchanged.
     */
    @Override
    public Executable forParameters(Collection<String> names) {
        if (!rows.isEmpty() || fromSelect != null || names.isEmpty()) {
            return this;
        }
        for (String n : names) {
            table.c(n); // a clear error for an unknown column
        }
        List<Column<?>> cols = new ArrayList<>();
        List<ColumnElement<?>> row = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            if (names.contains(c.name())) {
                cols.add(c);
                row.add(new Nodes.NamedBind<>(c.name(), c.type().javaType(), c.type()));
            }
        }
        return new Insert(table, cols, List.of(row), null, returning, onConflict);
    }

    /** The table rows are inserted into. */
    public Table table() {
        return table;
    }

    /** The columns given values (empty for {@code DEFAULT VALUES}). */
    public List<Column<?>> columns() {
        return columns;
    }

    /** The rows of VALUES expressions. */
    public List<List<ColumnElement<?>>> rows() {
        return rows;
    }

    /** The SELECT of {@code INSERT ... SELECT}, or {@code null}. */
    public SelectBase fromSelect() {
        return fromSelect;
    }

    /** The RETURNING columns (empty for none). */
    public List<ColumnElement<?>> returningColumns() {
        return returning;
    }

    /** The upsert clause, or {@code null}. */
    public OnConflict onConflict() {
        return onConflict;
    }

    @Override
    public void accept(ClauseVisitor visitor) {
        visitor.visitInsert(this);
    }

    @Override
    public void appendKey(KeyBuilder key) {
        key.add("insert").add(table).add(columns).add(rows.size());
        for (List<ColumnElement<?>> r : rows) {
            key.addAll(r);
        }
        key.add(fromSelect).addAll(returning);
        if (onConflict != null) {
            key.add("conflict").add(onConflict.target).add(new ArrayList<>(onConflict.set.keySet()));
            key.addAll(new ArrayList<>(onConflict.set.values()));
        }
    }

    @Override
    public String toString() {
        return "insert(" + table.name() + ")";
    }
}
