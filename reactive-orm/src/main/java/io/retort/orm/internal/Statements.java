package io.retort.orm.internal;

import io.retort.dialect.Dialect;
import io.retort.sql.Sql;
import io.retort.sql.TextClause;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Core statements the ORM emits for one dialect, built from the mapping once per shape and cached.
 * Identifiers are quoted by the dialect; every value is a named parameter ({@code :p0, :p1, ...}).
 */
public final class Statements {
    private final Dialect dialect;
    private final Map<Object, TextClause> cache = new ConcurrentHashMap<>();
    private final Map<EntityModel<?>, TextClause> byId = new ConcurrentHashMap<>();

    public Statements(Dialect dialect) {
        this.dialect = dialect;
    }

    public Dialect dialect() {
        return dialect;
    }

    private String q(String identifier) {
        return dialect.quoteIdentifier(identifier);
    }

    private String table(EntityModel<?> m) {
        return m.schema() == null ? q(m.tableName()) : q(m.schema()) + "." + q(m.tableName());
    }

    /** {@code SELECT <all columns> FROM t WHERE <ids> = ...} for one object. */
    public TextClause selectById(EntityModel<?> m) {
        TextClause known = byId.get(m); // the hottest statement: no composite cache key per call
        if (known != null) {
            return known;
        }
        return byId.computeIfAbsent(m, k -> {
            StringBuilder sb = new StringBuilder(selectAll(m)).append(" WHERE ");
            List<AttributeModel> ids = m.ids();
            for (int i = 0; i < ids.size(); i++) {
                sb.append(i == 0 ? "" : " AND ")
                        .append(q(ids.get(i).columnName()))
                        .append(" = :p")
                        .append(i);
            }
            return typed(Sql.text(sb.toString()), ids, 0);
        });
    }

    /** {@code SELECT <all columns> FROM t}. */
    public String selectAll(EntityModel<?> m) {
        StringBuilder sb = new StringBuilder("SELECT ");
        List<AttributeModel> attrs = m.attributes();
        for (int i = 0; i < attrs.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(q(attrs.get(i).columnName()));
        }
        return sb.append(" FROM ").append(table(m)).toString();
    }

    /**
     * {@code INSERT INTO t (cols) VALUES (:p0, ...)}, returning {@code returning} columns when not empty (the
     * dialect's form of RETURNING). Parameters follow {@code columns}.
     */
    public TextClause insert(EntityModel<?> m, List<AttributeModel> columns, List<AttributeModel> returning) {
        return insert(m, List.of(), columns, returning);
    }

    /**
     * As {@link #insert(EntityModel, List, List)}, with {@code sequenced} columns (ids of
     * {@code GenerationType.SEQUENCE}) given the sequence's next value in the VALUES row itself, so a multi-row
     * INSERT draws one value per row and RETURNING hands them back.
     */
    public TextClause insert(
            EntityModel<?> m,
            List<AttributeModel> sequenced,
            List<AttributeModel> columns,
            List<AttributeModel> returning) {
        return cache.computeIfAbsent(List.of("insert", m, sequenced, columns, returning), k -> {
            StringBuilder sb =
                    new StringBuilder("INSERT INTO ").append(table(m)).append(" (");
            int n = 0;
            for (AttributeModel a : sequenced) {
                sb.append(n++ == 0 ? "" : ", ").append(q(a.columnName()));
            }
            for (AttributeModel a : columns) {
                sb.append(n++ == 0 ? "" : ", ").append(q(a.columnName()));
            }
            sb.append(") VALUES (");
            n = 0;
            for (AttributeModel a : sequenced) {
                sb.append(n++ == 0 ? "" : ", ")
                        .append(io.retort.schema.Sequence.named(a.sequence()).nextValueSql(dialect));
            }
            for (int i = 0; i < columns.size(); i++) {
                sb.append(n++ == 0 ? "" : ", ").append(":p").append(i);
            }
            sb.append(')');
            String sql = sb.toString();
            if (!returning.isEmpty()) {
                sql = dialect.insertReturning(sql, names(returning));
            }
            return typed(Sql.text(sql), columns, 0);
        });
    }

    /** The dialect's update-by-key form; parameters: ids, then the version (if any), then {@code sets}. */
    public TextClause updateByKey(EntityModel<?> m, List<AttributeModel> sets) {
        return cache.computeIfAbsent(List.of("update", m, sets), k -> {
            AttributeModel v = m.version();
            String sql = dialect.updateByKey(
                    m.schema(), m.tableName(), names(m.ids()), v == null ? null : v.columnName(), names(sets));
            List<AttributeModel> order = new ArrayList<>(m.ids());
            if (v != null) {
                order.add(v);
            }
            order.addAll(sets);
            return typed(Sql.text(sql), order, 0);
        });
    }

    /**
     * {@code DELETE FROM t WHERE <id> = :p0 [AND version = :p1]}: one parameter set per row, sent as one batch
     * (the count is compared with the number of rows).
     */
    public TextClause deleteByKey(EntityModel<?> m) {
        return cache.computeIfAbsent(List.of("delete", m), k -> {
            StringBuilder sb =
                    new StringBuilder("DELETE FROM ").append(table(m)).append(" WHERE ");
            List<AttributeModel> keyed = new ArrayList<>(m.ids());
            if (m.version() != null) {
                keyed.add(m.version());
            }
            for (int i = 0; i < keyed.size(); i++) {
                sb.append(i == 0 ? "" : " AND ")
                        .append(q(keyed.get(i).columnName()))
                        .append(" = :p")
                        .append(i);
            }
            return typed(Sql.text(sb.toString()), keyed, 0);
        });
    }

    /** {@code DELETE FROM t WHERE id IN (:p0, ..., :pN)} for a single-column key without version. */
    public TextClause deleteIn(EntityModel<?> m, int n) {
        return cache.computeIfAbsent(List.of("deleteIn", m, n), k -> {
            AttributeModel id = m.ids().get(0);
            StringBuilder sb = new StringBuilder("DELETE FROM ")
                    .append(table(m))
                    .append(" WHERE ")
                    .append(q(id.columnName()))
                    .append(" IN (");
            for (int i = 0; i < n; i++) {
                sb.append(i == 0 ? "" : ", ").append(":p").append(i);
            }
            TextClause t = Sql.text(sb.append(')').toString());
            for (int i = 0; i < n; i++) {
                t = t.bindType("p" + i, id.type());
            }
            return t;
        });
    }

    /** {@code SELECT <id>, <version> FROM t WHERE <id> IN (...)}: finds which rows of a failed batch are stale. */
    public TextClause versionsOf(EntityModel<?> m, int n) {
        AttributeModel id = m.ids().get(0);
        StringBuilder sb = new StringBuilder("SELECT ").append(q(id.columnName()));
        if (m.version() != null) {
            sb.append(", ").append(q(m.version().columnName()));
        }
        sb.append(" FROM ")
                .append(table(m))
                .append(" WHERE ")
                .append(q(id.columnName()))
                .append(" IN (");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ").append(":p").append(i);
        }
        TextClause t = Sql.text(sb.append(')').toString());
        for (int i = 0; i < n; i++) {
            t = t.bindType("p" + i, id.type().javaType());
        }
        return t;
    }

    /** {@code INSERT INTO assoc (owner_col, target_col) VALUES (:p0, :p1)} for a many-to-many's owning side. */
    public TextClause associationInsert(RelationshipModel r) {
        return cache.computeIfAbsent(List.of("assocInsert", r), k -> Sql.text("INSERT INTO " + q(r.joinTable) + " ("
                        + q(r.joinTableOwnerColumn) + ", " + q(r.joinTableTargetColumn) + ") VALUES (:p0, :p1)")
                .bindType("p0", r.owner.ids().get(0).type())
                .bindType("p1", r.target.ids().get(0).type()));
    }

    /** {@code DELETE FROM assoc WHERE owner_col = :p0 AND target_col = :p1}, sent as one batch. */
    public TextClause associationDelete(RelationshipModel r) {
        return cache.computeIfAbsent(List.of("assocDelete", r), k -> Sql.text("DELETE FROM " + q(r.joinTable)
                        + " WHERE " + q(r.joinTableOwnerColumn) + " = :p0 AND " + q(r.joinTableTargetColumn) + " = :p1")
                .bindType("p0", r.owner.ids().get(0).type())
                .bindType("p1", r.target.ids().get(0).type()));
    }

    private static List<String> names(List<AttributeModel> attrs) {
        List<String> out = new ArrayList<>(attrs.size());
        for (AttributeModel a : attrs) {
            out.add(a.columnName());
        }
        return out;
    }

    private static TextClause typed(TextClause t, List<AttributeModel> params, int offset) {
        for (int i = 0; i < params.size(); i++) {
            if (t.parameterNames().contains("p" + (offset + i))) {
                t = t.bindType("p" + (offset + i), params.get(i).type());
            }
        }
        return t;
    }
}
