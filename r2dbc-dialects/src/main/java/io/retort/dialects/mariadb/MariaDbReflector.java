package io.retort.dialects.mariadb;

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
import io.retort.types.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * MariaDB reflection from {@code information_schema}. A {@code null} schema is {@code DATABASE()}. MariaDB
 * reports {@code RESTRICT} for a foreign key without an action, which is reflected as no action; a JSON
 * column is a {@code LONGTEXT} with a {@code json_valid} check and is reflected as JSON; {@code TINYINT(1)} as
 * BOOLEAN. Unique indexes are unique constraints in MariaDB and are reported by both {@code indexes} and
 * {@code uniqueConstraints}; the indexes MariaDB adds for foreign keys are left out.
 *
 * <pre>{@code
 * engine.connect(conn -> new MariaDbDialect().reflector().tableNames(conn, null));
 * }</pre>
 */
public class MariaDbReflector extends Reflector {

    public MariaDbReflector(Dialect dialect) {
        super(dialect);
    }

    private static String schemaExpr(String schema) {
        return schema == null ? "DATABASE()" : ":schema";
    }

    @Override
    public Flux<String> tableNames(Connection conn, String schema) {
        return query(
                        conn,
                        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = "
                                + schemaExpr(schema) + " AND table_type = 'BASE TABLE' ORDER BY table_name",
                        nameParameters(schema, null))
                .map(r -> r.get("name", String.class));
    }

    @Override
    public Flux<ReflectedColumn> columns(Connection conn, String schema, String table) {
        String sql = "SELECT c.column_name AS name, c.data_type AS data_type, c.column_type AS column_type,"
                + " c.character_maximum_length AS len, c.numeric_precision AS prec, c.numeric_scale AS scale,"
                + " c.is_nullable AS nullable, c.column_default AS def, c.extra AS extra,"
                + " c.column_comment AS comment,"
                + " (SELECT COUNT(*) FROM information_schema.check_constraints cc"
                + " WHERE cc.constraint_schema = c.table_schema AND cc.table_name = c.table_name"
                + " AND cc.check_clause = CONCAT('json_valid(`', c.column_name, '`)')) AS is_json"
                + " FROM information_schema.columns c WHERE c.table_schema = " + schemaExpr(schema)
                + " AND c.table_name = :table ORDER BY c.ordinal_position";
        return query(conn, sql, nameParameters(schema, table)).map(this::column);
    }

    private ReflectedColumn column(Row r) {
        String dataType = r.get("data_type", String.class).toLowerCase(Locale.ROOT);
        String columnType = r.get("column_type", String.class).toLowerCase(Locale.ROOT);
        SqlType<?> type;
        if (columnType.startsWith("tinyint(1)")) {
            type = Types.BOOLEAN;
        } else if (r.get("is_json", Long.class) > 0) {
            type = Types.JSON;
        } else {
            type = dialect.typeMap()
                    .reflectedType(
                            dataType,
                            toInt(r.get("len", java.math.BigDecimal.class)),
                            toInt(r.get("prec", java.math.BigDecimal.class)),
                            toInt(r.get("scale", java.math.BigDecimal.class)));
        }
        String def = r.get("def", String.class);
        if ("NULL".equalsIgnoreCase(def)) {
            def = null;
        }
        String comment = r.get("comment", String.class);
        return new ReflectedColumn(
                r.get("name", String.class),
                type,
                columnType,
                "YES".equals(r.get("nullable", String.class)),
                def,
                r.get("extra", String.class).toLowerCase(Locale.ROOT).contains("auto_increment"),
                comment == null || comment.isEmpty() ? null : comment);
    }

    private Flux<Row> keyColumns(Connection conn, String schema, String table, String type) {
        String sql = "SELECT tc.constraint_name AS name, k.column_name AS col"
                + " FROM information_schema.table_constraints tc"
                + " JOIN information_schema.key_column_usage k ON k.constraint_schema = tc.constraint_schema"
                + " AND k.table_name = tc.table_name AND k.constraint_name = tc.constraint_name"
                + " WHERE tc.table_schema = " + schemaExpr(schema) + " AND tc.table_name = :table"
                + " AND tc.constraint_type = '" + type + "' ORDER BY tc.constraint_name, k.ordinal_position";
        return query(conn, sql, nameParameters(schema, table));
    }

    @Override
    public Mono<PrimaryKeyConstraint> primaryKey(Connection conn, String schema, String table) {
        return keyColumns(conn, schema, table, "PRIMARY KEY")
                .map(r -> r.get("col", String.class))
                .collectList()
                .flatMap(cols -> cols.isEmpty()
                        ? Mono.empty()
                        : Mono.just(PrimaryKeyConstraint.of(cols.toArray(String[]::new))));
    }

    @Override
    public Flux<UniqueConstraint> uniqueConstraints(Connection conn, String schema, String table) {
        return keyColumns(conn, schema, table, "UNIQUE").collectList().flatMapIterable(rows -> {
            Map<String, List<String>> by = new LinkedHashMap<>();
            rows.forEach(r -> by.computeIfAbsent(r.get("name", String.class), k -> new ArrayList<>())
                    .add(r.get("col", String.class)));
            List<UniqueConstraint> out = new ArrayList<>();
            by.forEach((n, cols) ->
                    out.add(UniqueConstraint.of(cols.toArray(String[]::new)).named(n)));
            return out;
        });
    }

    @Override
    public Flux<ForeignKeyConstraint> foreignKeys(Connection conn, String schema, String table) {
        String sql = "SELECT k.constraint_name AS name, k.column_name AS col, k.referenced_table_schema AS ref_schema,"
                + " k.referenced_table_name AS ref_table, k.referenced_column_name AS ref_col,"
                + " r.delete_rule AS on_delete, r.update_rule AS on_update, DATABASE() AS cur"
                + " FROM information_schema.key_column_usage k"
                + " JOIN information_schema.referential_constraints r ON r.constraint_schema = k.constraint_schema"
                + " AND r.constraint_name = k.constraint_name AND r.table_name = k.table_name"
                + " WHERE k.table_schema = " + schemaExpr(schema) + " AND k.table_name = :table"
                + " AND k.referenced_table_name IS NOT NULL ORDER BY k.constraint_name, k.ordinal_position";
        return query(conn, sql, nameParameters(schema, table)).collectList().flatMapIterable(rows -> {
            Map<String, List<Row>> by = new LinkedHashMap<>();
            rows.forEach(r -> by.computeIfAbsent(r.get("name", String.class), k -> new ArrayList<>())
                    .add(r));
            List<ForeignKeyConstraint> out = new ArrayList<>();
            by.forEach((n, rs) -> {
                Row first = rs.get(0);
                List<String> cols = new ArrayList<>();
                List<String> refs = new ArrayList<>();
                rs.forEach(r -> {
                    cols.add(r.get("col", String.class));
                    refs.add(r.get("ref_col", String.class));
                });
                String refSchema = first.get("ref_schema", String.class);
                String refTable = first.get("ref_table", String.class);
                String key = schema == null && refSchema.equals(first.get("cur", String.class))
                        ? refTable
                        : refSchema + "." + refTable;
                out.add(ForeignKeyConstraint.of(cols, key, refs)
                        .named(n)
                        .onDelete(declaredAction(first.get("on_delete", String.class)))
                        .onUpdate(declaredAction(first.get("on_update", String.class))));
            });
            return out;
        });
    }

    @Override
    public Flux<Index> indexes(Connection conn, String schema, String table) {
        String sql = "SELECT s.index_name AS name, s.non_unique AS non_unique, s.column_name AS col"
                + " FROM information_schema.statistics s"
                + " WHERE s.table_schema = " + schemaExpr(schema) + " AND s.table_name = :table"
                + " AND s.index_name <> 'PRIMARY'"
                + " AND NOT EXISTS (SELECT 1 FROM information_schema.key_column_usage k"
                + " WHERE k.table_schema = s.table_schema AND k.table_name = s.table_name"
                + " AND k.referenced_table_name IS NOT NULL"
                + " AND (k.constraint_name = s.index_name OR (k.column_name = s.index_name AND s.non_unique = 1"
                + " AND s.seq_in_index = 1)))"
                + " ORDER BY s.index_name, s.seq_in_index";
        return query(conn, sql, nameParameters(schema, table)).collectList().flatMapIterable(rows -> {
            Map<String, List<Row>> by = new LinkedHashMap<>();
            rows.forEach(r -> by.computeIfAbsent(r.get("name", String.class), k -> new ArrayList<>())
                    .add(r));
            List<Index> out = new ArrayList<>();
            by.forEach((n, rs) -> {
                Index ix = Index.on(
                                rs.stream().map(r -> r.get("col", String.class)).toArray(String[]::new))
                        .named(n);
                out.add(rs.get(0).get("non_unique", Long.class) == 0 ? ix.unique() : ix);
            });
            return out;
        });
    }

    @Override
    public Flux<String> sequenceNames(Connection conn, String schema) {
        return query(
                        conn,
                        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = "
                                + schemaExpr(schema) + " AND table_type = 'SEQUENCE' ORDER BY table_name",
                        nameParameters(schema, null))
                .map(r -> r.get("name", String.class));
    }

    private static Integer toInt(java.math.BigDecimal n) {
        return n == null
                ? null
                : n.min(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)).intValue();
    }
}
