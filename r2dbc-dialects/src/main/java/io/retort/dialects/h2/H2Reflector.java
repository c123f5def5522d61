package io.retort.dialects.h2;

import io.retort.core.Connection;
import io.retort.core.Row;
import io.retort.dialect.Dialect;
import io.retort.dialect.Reflector;
import io.retort.schema.ForeignKeyConstraint;
import io.retort.schema.Index;
import io.retort.schema.PrimaryKeyConstraint;
import io.retort.schema.ReflectedColumn;
import io.retort.schema.UniqueConstraint;
import io.retort.types.SqlType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * H2 reflection from its {@code INFORMATION_SCHEMA} (H2 2.x). Names H2 folded to upper case are reported in
 * lower case; names given in lower case are looked up in upper case. A {@code null} schema is
 * {@code CURRENT_SCHEMA}.
 *
 * <pre>{@code
 * engine.connect(conn -> new H2Dialect().reflector().tableNames(conn, null));   // "users", not "USERS"
 * }</pre>
 */
public class H2Reflector extends Reflector {

    public H2Reflector(Dialect dialect) {
        super(dialect);
    }

    @Override
    public String denormalize(String name) {
        return name.equals(name.toLowerCase(Locale.ROOT)) && !dialect.requiresQuotes(name)
                ? name.toUpperCase(Locale.ROOT)
                : name;
    }

    private String schemaExpr(String schema) {
        return schema == null ? "CURRENT_SCHEMA" : ":schema";
    }

    /** H2 stores unquoted names in upper case: the parameters are denormalised first. */
    private Map<String, Object> params(String schema, String table) {
        return nameParameters(schema == null ? null : denormalize(schema), table == null ? null : denormalize(table));
    }

    @Override
    public Flux<String> tableNames(Connection conn, String schema) {
        return query(
                        conn,
                        "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = " + schemaExpr(schema)
                                + " AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
                        params(schema, null))
                .map(r -> normalize(r.get("table_name", String.class)));
    }

    @Override
    public Flux<ReflectedColumn> columns(Connection conn, String schema, String table) {
        String sql = "SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE,"
                + " IS_NULLABLE, COLUMN_DEFAULT, IS_IDENTITY, REMARKS"
                + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = " + schemaExpr(schema)
                + " AND TABLE_NAME = :table ORDER BY ORDINAL_POSITION";
        return query(conn, sql, params(schema, table)).map(this::column);
    }

    private ReflectedColumn column(Row r) {
        String dataType = r.get("data_type", String.class);
        SqlType<?> type = dialect.typeMap()
                .reflectedType(
                        dataType,
                        toInt(r.get("character_maximum_length", Long.class)),
                        toInt(r.get("numeric_precision", Long.class)),
                        toInt(r.get("numeric_scale", Long.class)));
        String comment = r.get("remarks", String.class);
        return new ReflectedColumn(
                normalize(r.get("column_name", String.class)),
                type,
                dataType,
                "YES".equals(r.get("is_nullable", String.class)),
                r.get("column_default", String.class),
                "YES".equals(r.get("is_identity", String.class)),
                comment == null || comment.isEmpty() ? null : comment);
    }

    private static Integer toInt(Long l) {
        return l == null ? null : (int) Math.min(Integer.MAX_VALUE, l);
    }

    private Flux<Row> keyColumns(Connection conn, String schema, String table, String type) {
        String sql = "SELECT tc.CONSTRAINT_NAME AS NAME, k.COLUMN_NAME AS COL"
                + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
                + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
                + " AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
                + " WHERE tc.TABLE_SCHEMA = " + schemaExpr(schema) + " AND tc.TABLE_NAME = :table"
                + " AND tc.CONSTRAINT_TYPE = '" + type + "' ORDER BY tc.CONSTRAINT_NAME, k.ORDINAL_POSITION";
        return query(conn, sql, params(schema, table));
    }

    private Map<String, List<String>> group(List<Row> rows) {
        Map<String, List<String>> by = new LinkedHashMap<>();
        rows.forEach(r -> by.computeIfAbsent(normalize(r.get("name", String.class)), k -> new ArrayList<>())
                .add(normalize(r.get("col", String.class))));
        return by;
    }

    @Override
    public Mono<PrimaryKeyConstraint> primaryKey(Connection conn, String schema, String table) {
        return keyColumns(conn, schema, table, "PRIMARY KEY").collectList().flatMap(rows -> {
            if (rows.isEmpty()) {
                return Mono.empty();
            }
            Map.Entry<String, List<String>> e =
                    group(rows).entrySet().iterator().next();
            return Mono.just(
                    PrimaryKeyConstraint.of(e.getValue().toArray(String[]::new)).named(e.getKey()));
        });
    }

    @Override
    public Flux<UniqueConstraint> uniqueConstraints(Connection conn, String schema, String table) {
        return keyColumns(conn, schema, table, "UNIQUE").collectList().flatMapIterable(rows -> {
            List<UniqueConstraint> out = new ArrayList<>();
            group(rows)
                    .forEach((n, cols) -> out.add(
                            UniqueConstraint.of(cols.toArray(String[]::new)).named(n)));
            return out;
        });
    }

    @Override
    public Flux<ForeignKeyConstraint> foreignKeys(Connection conn, String schema, String table) {
        String sql = "SELECT k.CONSTRAINT_NAME AS NAME, k.COLUMN_NAME AS COL, u.TABLE_SCHEMA AS REF_SCHEMA,"
                + " u.TABLE_NAME AS REF_TABLE, u.COLUMN_NAME AS REF_COL, r.UPDATE_RULE AS ON_UPDATE,"
                + " r.DELETE_RULE AS ON_DELETE, CURRENT_SCHEMA AS CUR"
                + " FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS r"
                + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA"
                + " AND k.CONSTRAINT_NAME = r.CONSTRAINT_NAME"
                + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE u ON u.CONSTRAINT_SCHEMA = r.UNIQUE_CONSTRAINT_SCHEMA"
                + " AND u.CONSTRAINT_NAME = r.UNIQUE_CONSTRAINT_NAME"
                + " AND u.ORDINAL_POSITION = k.POSITION_IN_UNIQUE_CONSTRAINT"
                + " WHERE k.TABLE_SCHEMA = " + schemaExpr(schema) + " AND k.TABLE_NAME = :table"
                + " ORDER BY k.CONSTRAINT_NAME, k.ORDINAL_POSITION";
        return query(conn, sql, params(schema, table)).collectList().flatMapIterable(rows -> {
            Map<String, List<Row>> by = new LinkedHashMap<>();
            rows.forEach(r -> by.computeIfAbsent(r.get("name", String.class), k -> new ArrayList<>())
                    .add(r));
            List<ForeignKeyConstraint> out = new ArrayList<>();
            by.forEach((n, rs) -> {
                Row first = rs.get(0);
                List<String> cols = new ArrayList<>();
                List<String> refs = new ArrayList<>();
                rs.forEach(r -> {
                    cols.add(normalize(r.get("col", String.class)));
                    refs.add(normalize(r.get("ref_col", String.class)));
                });
                String refSchema = first.get("ref_schema", String.class);
                String refTable = normalize(first.get("ref_table", String.class));
                String key = schema == null && refSchema.equals(first.get("cur", String.class))
                        ? refTable
                        : normalize(refSchema) + "." + refTable;
                out.add(ForeignKeyConstraint.of(cols, key, refs)
                        .named(normalize(n))
                        .onDelete(declaredAction(first.get("on_delete", String.class)))
                        .onUpdate(declaredAction(first.get("on_update", String.class))));
            });
            return out;
        });
    }

    @Override
    public Flux<Index> indexes(Connection conn, String schema, String table) {
        String sql = "SELECT i.INDEX_NAME AS NAME, i.INDEX_TYPE_NAME AS KIND, c.COLUMN_NAME AS COL"
                + " FROM INFORMATION_SCHEMA.INDEXES i"
                + " JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c ON c.INDEX_SCHEMA = i.INDEX_SCHEMA"
                + " AND c.INDEX_NAME = i.INDEX_NAME AND c.TABLE_NAME = i.TABLE_NAME"
                + " WHERE i.TABLE_SCHEMA = " + schemaExpr(schema) + " AND i.TABLE_NAME = :table"
                + " AND NOT EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
                + " WHERE tc.INDEX_SCHEMA = i.INDEX_SCHEMA AND tc.INDEX_NAME = i.INDEX_NAME)"
                + " ORDER BY i.INDEX_NAME, c.ORDINAL_POSITION";
        return query(conn, sql, params(schema, table)).collectList().flatMapIterable(rows -> {
            Map<String, List<Row>> by = new LinkedHashMap<>();
            rows.forEach(r -> by.computeIfAbsent(r.get("name", String.class), k -> new ArrayList<>())
                    .add(r));
            List<Index> out = new ArrayList<>();
            by.forEach((n, rs) -> {
                Index ix = Index.on(rs.stream()
                                .map(r -> normalize(r.get("col", String.class)))
                                .toArray(String[]::new))
                        .named(normalize(n));
                out.add(String.valueOf(rs.get(0).get("kind", String.class)).startsWith("UNIQUE") ? ix.unique() : ix);
            });
            return out;
        });
    }

    @Override
    public Flux<String> sequenceNames(Connection conn, String schema) {
        return query(
                        conn,
                        "SELECT SEQUENCE_NAME FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = "
                                + schemaExpr(schema) + " ORDER BY SEQUENCE_NAME",
                        params(schema, null))
                .map(r -> normalize(r.get("sequence_name", String.class)));
    }
}
