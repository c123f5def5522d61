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
 * A table of a {@link MetaData}, SQLAlchemy's {@code Table}: columns, primary key, foreign keys, unique and
 * check constraints and indexes, optionally in a schema. Created by {@link MetaData#table}; its columns are
 * reached with {@link #c(String)}. Immutable once created.
 *
 * <pre>{@code
 * Table users = metadata.table("users", column("id", INTEGER).primaryKey(), column("name", string(30)));
 * users.c("name");        // the Column, for expressions
 * Table events = metadata.table("audit", "events", column("id", BIGINT).primaryKey());   // audit.events
 * }</pre>
 */
public final class Table implements FromClause {
    private final MetaData metadata;
    private final String schema;
    private final String name;
    private final Map<String, Column<?>> columns;
    private final PrimaryKeyConstraint primaryKey;
    private final List<ForeignKeyConstraint> foreignKeys;
    private final List<UniqueConstraint> uniqueConstraints;
    private final List<CheckConstraint> checkConstraints;
    private final List<Index> indexes;

    Table(MetaData metadata, String schema, String name, List<? extends TableElement> elements) {
        this.metadata = metadata;
        this.schema = schema;
        this.name = name;
        if (name == null || name.isBlank()) {
            throw new InvalidRequestException("A table needs a name");
        }
        NamingConvention nc = metadata.namingConvention();
        Map<String, Column<?>> cols = new LinkedHashMap<>();
        PrimaryKeyConstraint pk = null;
        List<ForeignKeyConstraint> fks = new ArrayList<>();
        List<UniqueConstraint> uqs = new ArrayList<>();
        List<CheckConstraint> cks = new ArrayList<>();
        List<Index> ixs = new ArrayList<>();
        for (TableElement e : elements) {
            if (e instanceof Column<?> def) {
                if (cols.containsKey(def.name())) {
                    throw new InvalidRequestException(
                            "Table '" + key() + "' defines column '" + def.name() + "' twice");
                }
                if (def.table() != null) {
                    throw new InvalidRequestException("Column '" + def + "' already belongs to table '"
                            + def.table().key() + "'; define a new column(...) for table '" + key() + "'");
                }
                if (def.isAutoincrement()) {
                    io.retort.types.TypeKind k = def.type().storageType().kind();
                    if (k != io.retort.types.TypeKind.SMALLINT
                            && k != io.retort.types.TypeKind.INTEGER
                            && k != io.retort.types.TypeKind.BIGINT) {
                        throw new InvalidRequestException("Table '" + key() + "' column '" + def.name()
                                + "' is autoincrement but of type " + def.type() + "; only integer columns can be");
                    }
                }
                cols.put(def.name(), def.attachTo(this));
            } else if (e instanceof PrimaryKeyConstraint p) {
                if (pk != null) {
                    throw new InvalidRequestException("Table '" + key() + "' declares two primary keys");
                }
                pk = p;
            } else if (e instanceof ForeignKeyConstraint f) {
                fks.add(f);
            } else if (e instanceof UniqueConstraint u) {
                uqs.add(u);
            } else if (e instanceof CheckConstraint c) {
                cks.add(c);
            } else if (e instanceof Index i) {
                ixs.add(i);
            } else if (e != null) {
                throw new InvalidRequestException(
                        "Table '" + key() + "' cannot hold a " + e.getClass().getName());
            }
        }
        if (cols.isEmpty()) {
            throw new InvalidRequestException("Table '" + key() + "' has no columns");
        }
        List<String> pkCols = new ArrayList<>();
        for (Column<?> c : cols.values()) {
            if (c.isPrimaryKey()) {
                pkCols.add(c.name());
            }
        }
        if (pk != null && !pkCols.isEmpty() && !pk.columns().equals(pkCols)) {
            throw new InvalidRequestException("Table '" + key() + "' declares primary key " + pk.columns()
                    + " and also marks columns " + pkCols + " primaryKey(); use one or the other");
        }
        if (pk == null && !pkCols.isEmpty()) {
            pk = PrimaryKeyConstraint.of(pkCols.toArray(String[]::new));
        }
        if (pk != null) {
            check(cols, pk.columns(), "primary key");
            for (String n : pk.columns()) {
                Column<?> c = cols.get(n);
                if (c.isNullable()) {
                    cols.put(n, c.notNull()); // a primary key is NOT NULL, as in SQLAlchemy
                }
            }
            if (pk.name() == null) {
                String n = nc.name("pk", name, pk.columns(), null, null);
                pk = n == null ? pk : pk.named(n);
            }
        }
        this.primaryKey = pk;
        List<ForeignKeyConstraint> allFks = new ArrayList<>();
        List<UniqueConstraint> allUqs = new ArrayList<>();
        List<Index> allIxs = new ArrayList<>();
        for (Column<?> c : cols.values()) {
            if (c.foreignKey() != null) {
                allFks.add(ForeignKeyConstraint.fromColumn(c.name(), c.foreignKey()));
            }
            if (c.isUnique()) {
                allUqs.add(UniqueConstraint.of(c.name()));
            }
            if (c.isIndexed()) {
                allIxs.add(Index.on(c.name()));
            }
        }
        allFks.addAll(fks);
        allUqs.addAll(uqs);
        allIxs.addAll(ixs);
        List<ForeignKeyConstraint> namedFks = new ArrayList<>();
        for (ForeignKeyConstraint f : allFks) {
            check(cols, f.columns(), "foreign key");
            if (f.name() == null) {
                String refName = f.referredTable().substring(f.referredTable().lastIndexOf('.') + 1);
                String n = nc.name("fk", name, f.columns(), refName, f.referredColumns());
                f = n == null ? f : f.named(n);
            }
            namedFks.add(f);
        }
        List<UniqueConstraint> namedUqs = new ArrayList<>();
        for (UniqueConstraint u : allUqs) {
            check(cols, u.columns(), "unique constraint");
            if (u.name() == null) {
                String n = nc.name("uq", name, u.columns(), null, null);
                u = n == null ? u : u.named(n);
            }
            namedUqs.add(u);
        }
        List<CheckConstraint> namedCks = new ArrayList<>();
        for (CheckConstraint c : cks) {
            if (c.name() == null) {
                String n = nc.name("ck", name, List.of(), null, null);
                c = n == null ? c : c.named(n);
            }
            namedCks.add(c);
        }
        List<Index> namedIxs = new ArrayList<>();
        for (Index i : allIxs) {
            check(cols, i.columns(), "index");
            if (i.name() == null) {
                String n = nc.name("ix", name, i.columns(), null, null);
                if (n == null) {
                    n = NamingConvention.truncate("ix_" + name + "_" + String.join("_", i.columns()));
                }
                i = i.named(n);
            }
            namedIxs.add(i);
        }
        this.columns = Collections.unmodifiableMap(cols);
        this.foreignKeys = List.copyOf(namedFks);
        this.uniqueConstraints = List.copyOf(namedUqs);
        this.checkConstraints = List.copyOf(namedCks);
        this.indexes = List.copyOf(namedIxs);
    }

    private void check(Map<String, Column<?>> cols, List<String> names, String what) {
        for (String n : names) {
            if (!cols.containsKey(n)) {
                throw new InvalidRequestException("The " + what + " of table '" + key() + "' names column '" + n
                        + "', which the table does not have (columns: " + String.join(", ", cols.keySet()) + ")");
            }
        }
    }

    /** The table name, without schema. */
    public String name() {
        return name;
    }

    /** The schema, or {@code null} for the connection's default schema. */
    public String schema() {
        return schema;
    }

    /** {@code "schema.name"}, or {@code "name"} without a schema: how the MetaData and foreign keys refer to it. */
    public String key() {
        return schema == null ? name : schema + "." + name;
    }

    /** The MetaData the table belongs to. */
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
            throw new InvalidRequestException("Column '" + name + "' not found in table '" + key() + "' (columns: "
                    + String.join(", ", columns.keySet()) + ")");
        }
        return c;
    }

    /** The column named {@code name}, typed: fails when its Java type is not {@code javaType}. */
    @SuppressWarnings("unchecked")
    public <T> Column<T> c(String name, Class<T> javaType) {
        Column<?> c = c(name);
        if (c.type().javaType() != javaType) {
            throw new InvalidRequestException("Column '" + key() + "." + name + "' holds "
                    + c.type().javaType().getName() + ", not " + javaType.getName());
        }
        return (Column<T>) c;
    }

    /** {@code true} if the table has a column named {@code name}. */
    public boolean hasColumn(String name) {
        return columns.containsKey(name);
    }

    /** The columns in definition order. */
    public List<Column<?>> columns() {
        return List.copyOf(columns.values());
    }

    /** The primary-key columns in key order (empty without a primary key). */
    public List<Column<?>> primaryKey() {
        List<Column<?>> pk = new ArrayList<>();
        if (primaryKey != null) {
            for (String n : primaryKey.columns()) {
                pk.add(columns.get(n));
            }
        }
        return pk;
    }

    /** The primary-key constraint, or {@code null}. */
    public PrimaryKeyConstraint primaryKeyConstraint() {
        return primaryKey;
    }

    /** The foreign keys, column-level ones first, named by the naming convention where it has an "fk" template. */
    public List<ForeignKeyConstraint> foreignKeys() {
        return foreignKeys;
    }

    /** The unique constraints (including {@link Column#unique()} ones). */
    public List<UniqueConstraint> uniqueConstraints() {
        return uniqueConstraints;
    }

    /** The check constraints. */
    public List<CheckConstraint> checkConstraints() {
        return checkConstraints;
    }

    /** The indexes (including {@link Column#index()} ones), all named. */
    public List<Index> indexes() {
        return indexes;
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
        return key();
    }
}
