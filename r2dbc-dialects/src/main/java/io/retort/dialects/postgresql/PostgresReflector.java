package io.retort.dialects.postgresql;

import io.retort.core.Connection;
import io.retort.core.Row;
import io.retort.dialect.Dialect;
import io.retort.dialect.Reflector;
import io.retort.schema.ForeignKeyConstraint;
import io.retort.schema.Index;
import io.retort.schema.PrimaryKeyConstraint;
import io.retort.schema.ReferentialAction;
import io.retort.schema.ReflectedColumn;
import io.retort.schema.UniqueConstraint;
import io.retort.types.SqlType;
import io.retort.types.TypeKind;
import io.retort.types.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * PostgreSQL reflection from {@code information_schema} and {@code pg_catalog}. A {@code null} schema is
 * {@code current_schema()}.
 *
 * <pre>{@code
 * engine.connect(conn -> new PostgresDialect().reflector().tableNames(conn, null));
 * }</pre>
 */
public class PostgresReflector extends Reflector {

    public PostgresReflector(Dialect dialect) {
        super(dialect);
    }

    private static String schemaExpr(String schema) {
        return schema == null ? "current_schema()" : ":schema";
    }

    @Override
    public Flux<String> tableNames(Connection conn, String schema) {
        return query(
                        conn,
                        "SELECT c.relname AS name FROM pg_catalog.pg_class c"
                                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                                + " WHERE c.relkind IN ('r', 'p') AND n.nspname = " + schemaExpr(schema)
                                + " ORDER BY c.relname",
                        nameParameters(schema, null))
                .map(r -> r.get("name", String.class));
    }

    @Override
    public Flux<ReflectedColumn> columns(Connection conn, String schema, String table) {
        String sql = "SELECT c.column_name, c.data_type, c.udt_name, c.character_maximum_length,"
                + " c.numeric_precision, c.numeric_scale, c.is_nullable, c.column_default, c.is_identity,"
                + " col_description(format('%I.%I', c.table_schema, c.table_name)::regclass::oid,"
                + " c.ordinal_position) AS comment,"
                + " (SELECT t.typtype::text FROM pg_catalog.pg_type t"
                + " JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace"
                + " WHERE t.typname = c.udt_name AND tn.nspname = c.udt_schema) AS typtype"
                + " FROM information_schema.columns c"
                + " WHERE c.table_schema = " + schemaExpr(schema) + " AND c.table_name = :table"
                + " ORDER BY c.ordinal_position";
        return query(conn, sql, nameParameters(schema, table)).map(this::column);
    }

    private ReflectedColumn column(Row r) {
        String dataType = r.get("data_type", String.class);
        String udt = r.get("udt_name", String.class);
        SqlType<?> type;
        if ("USER-DEFINED".equals(dataType) && "e".equals(r.get("typtype", String.class))) {
            type = Types.of(TypeKind.ENUM, null, null, null);
        } else if ("ARRAY".equals(dataType)) {
            type = Types.of(TypeKind.ARRAY, null, null, null);
        } else {
            type = dialect.typeMap()
                    .reflectedType(
                            dataType,
                            r.get("character_maximum_length", Integer.class),
                            r.get("numeric_precision", Integer.class),
                            r.get("numeric_scale", Integer.class));
        }
        String def = r.get("column_default", String.class);
        boolean identity = "YES".equals(r.get("is_identity", String.class));
        boolean serial = def != null && def.startsWith("nextval(");
        return new ReflectedColumn(
                r.get("column_name", String.class),
                type,
                "USER-DEFINED".equals(dataType) || "ARRAY".equals(dataType) ? udt : dataType,
                "YES".equals(r.get("is_nullable", String.class)),
                serial ? null : def,
                identity || serial,
                r.get("comment", String.class));
    }

    private static final String CONSTRAINTS = "SELECT con.conname AS name, a.attname AS col, fc.relname AS ref_table,"
            + " fn.nspname AS ref_schema, fa.attname AS ref_col, con.confdeltype::text AS on_delete,"
            + " con.confupdtype::text AS on_update, current_schema() AS cur"
            + " FROM pg_catalog.pg_constraint con"
            + " JOIN pg_catalog.pg_class c ON c.oid = con.conrelid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)"
            + " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum"
            + " LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid"
            + " LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace"
            + " LEFT JOIN pg_catalog.pg_attribute fa ON fa.attrelid = con.confrelid AND fa.attnum = con.confkey[k.ord]"
            + " WHERE n.nspname = %s AND c.relname = :table AND con.contype = '%s'"
            + " ORDER BY con.conname, k.ord";

    private Flux<Row> constraints(Connection conn, String schema, String table, char type) {
        return query(conn, String.format(CONSTRAINTS, schemaExpr(schema), type), nameParameters(schema, table));
    }

    @Override
    public Mono<PrimaryKeyConstraint> primaryKey(Connection conn, String schema, String table) {
        return constraints(conn, schema, table, 'p').collectList().flatMap(rows -> {
            if (rows.isEmpty()) {
                return Mono.empty();
            }
            List<String> cols = new ArrayList<>();
            rows.forEach(r -> cols.add(r.get("col", String.class)));
            return Mono.just(PrimaryKeyConstraint.of(cols.toArray(String[]::new))
                    .named(rows.get(0).get("name", String.class)));
        });
    }

    @Override
    public Flux<UniqueConstraint> uniqueConstraints(Connection conn, String schema, String table) {
        return constraints(conn, schema, table, 'u').collectList().flatMapIterable(rows -> {
            Map<String, List<String>> by = group(rows, "col");
            List<UniqueConstraint> out = new ArrayList<>();
            by.forEach((n, cols) ->
                    out.add(UniqueConstraint.of(cols.toArray(String[]::new)).named(n)));
            return out;
        });
    }

    @Override
    public Flux<ForeignKeyConstraint> foreignKeys(Connection conn, String schema, String table) {
        return constraints(conn, schema, table, 'f').collectList().flatMapIterable(rows -> {
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
                String same = schema == null ? first.get("cur", String.class) : schema;
                String refTable = first.get("ref_table", String.class);
                String key = refSchema.equals(same) && schema == null ? refTable : refSchema + "." + refTable;
                out.add(ForeignKeyConstraint.of(cols, key, refs)
                        .named(n)
                        .onDelete(action(first.get("on_delete", String.class)))
                        .onUpdate(action(first.get("on_update", String.class))));
            });
            return out;
        });
    }

    private static ReferentialAction action(String code) {
        if (code == null) {
            return null;
        }
        switch (code) {
            case "c":
                return ReferentialAction.CASCADE;
            case "n":
                return ReferentialAction.SET_NULL;
            case "d":
                return ReferentialAction.SET_DEFAULT;
            case "r":
                return ReferentialAction.RESTRICT;
            default:
                return null; // 'a': NO ACTION, the default
        }
    }

    private static Map<String, List<String>> group(List<Row> rows, String col) {
        Map<String, List<String>> by = new LinkedHashMap<>();
        rows.forEach(r -> by.computeIfAbsent(r.get("name", String.class), k -> new ArrayList<>())
                .add(r.get(col, String.class)));
        return by;
    }

    @Override
    public Flux<Index> indexes(Connection conn, String schema, String table) {
        String sql = "SELECT i.relname AS name, ix.indisunique AS is_unique, a.attname AS col,"
                + " pg_get_expr(ix.indpred, ix.indrelid) AS pred"
                + " FROM pg_catalog.pg_index ix"
                + " JOIN pg_catalog.pg_class i ON i.oid = ix.indexrelid"
                + " JOIN pg_catalog.pg_class c ON c.oid = ix.indrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " CROSS JOIN LATERAL unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)"
                + " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum"
                + " WHERE n.nspname = " + schemaExpr(schema) + " AND c.relname = :table AND NOT ix.indisprimary"
                + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con WHERE con.conindid = ix.indexrelid)"
                + " ORDER BY i.relname, k.ord";
        return query(conn, sql, nameParameters(schema, table)).collectList().flatMapIterable(rows -> {
            Map<String, List<Row>> by = new LinkedHashMap<>();
            rows.forEach(r -> by.computeIfAbsent(r.get("name", String.class), k -> new ArrayList<>())
                    .add(r));
            List<Index> out = new ArrayList<>();
            by.forEach((n, rs) -> {
                Index ix = Index.on(
                                rs.stream().map(r -> r.get("col", String.class)).toArray(String[]::new))
                        .named(n);
                if (Boolean.TRUE.equals(rs.get(0).get("is_unique", Boolean.class))) {
                    ix = ix.unique();
                }
                String pred = rs.get(0).get("pred", String.class);
                out.add(pred == null ? ix : ix.where(pred));
            });
            return out;
        });
    }

    @Override
    public Flux<String> sequenceNames(Connection conn, String schema) {
        return query(
                        conn,
                        "SELECT c.relname AS name FROM pg_catalog.pg_class c"
                                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                                + " WHERE c.relkind = 'S' AND n.nspname = " + schemaExpr(schema)
                                + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d"
                                + " WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))"
                                + " ORDER BY c.relname",
                        nameParameters(schema, null))
                .map(r -> r.get("name", String.class));
    }

    @Override
    public Flux<String> enumTypeNames(Connection conn, String schema) {
        return query(
                        conn,
                        "SELECT t.typname AS name FROM pg_catalog.pg_type t"
                                + " JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
                                + " WHERE t.typtype = 'e' AND n.nspname = " + schemaExpr(schema)
                                + " ORDER BY t.typname",
                        nameParameters(schema, null))
                .map(r -> r.get("name", String.class));
    }
}
