package io.retort.dialects.h2;

import io.retort.dialect.SqlCompiler;
import io.retort.schema.Column;
import io.retort.sql.Insert;
import io.retort.sql.Select;
import io.retort.sql.internal.Nodes;
import io.retort.types.SqlType;
import java.util.List;
import java.util.Map;

/**
 * H2's statement compiler: ANSI {@code OFFSET/FETCH}, RETURNING through data-change delta tables, and upserts
 * as {@code MERGE ... USING}.
 *
 * <pre>{@code
 * insert(users).values(row).returning(users.c("id"))
 * // SELECT id FROM FINAL TABLE (INSERT INTO users (id, name) VALUES ($1, $2))
 * delete(users).where(users.c("id").eq(1)).returning(users.c("name"))
 * // SELECT name FROM OLD TABLE (DELETE FROM users WHERE users.id = $1)
 * insert(users).values(row).onConflictDoUpdate(List.of(users.c("id")), Map.of("name", excluded(users.c("name"))))
 * // MERGE INTO users USING (VALUES ($1, $2)) AS excluded (id, name) ON users.id = excluded.id
 * //   WHEN MATCHED THEN UPDATE SET name = excluded.name
 * //   WHEN NOT MATCHED THEN INSERT (id, name) VALUES (excluded.id, excluded.name)
 * }</pre>
 */
final class H2Compiler extends SqlCompiler {
    private static final String SOURCE = "excluded";
    /** IN lists longer than this (of one bindable class) are sent as an array. */
    public static final int IN_ARRAY_THRESHOLD = 100;

    private static final java.util.Set<Class<?>> ARRAY_CLASSES =
            java.util.Set.of(Integer.class, Long.class, Short.class, String.class, java.math.BigDecimal.class);

    H2Compiler(H2Dialect dialect) {
        super(dialect);
    }

    /** Long IN lists of one value class are sent as one array parameter: {@code x = ANY($1)}. */
    @Override
    protected boolean inListAsArray(Nodes.InList in) {
        Class<?> cls = in.homogeneousBindClass();
        return in.values.size() > IN_ARRAY_THRESHOLD && cls != null && ARRAY_CLASSES.contains(cls);
    }

    /** H2 has {@code = ANY(array)} but not {@code <> ALL(array)}: NOT IN is {@code NOT (x = ANY($1))}. */
    @Override
    protected void arrayIn(Nodes.InList in) {
        if (in.negated) {
            sql("NOT (");
            child(in.operand, io.retort.sql.ColumnElement.PREC_COMPARE + 1);
            sql(" = ANY(");
            arrayParameter(in);
            sql("))");
        } else {
            super.arrayIn(in);
        }
    }

    @Override
    protected String deltaTable(String dmlKind) {
        return dmlKind.equals("DELETE") ? "OLD TABLE" : "FINAL TABLE";
    }

    @Override
    protected void lockClause(Select.Lock lock) {
        if (lock == Select.Lock.SHARE) {
            throw unsupported("FOR SHARE");
        }
        super.lockClause(lock);
    }

    @Override
    public void visitExcluded(Nodes.Excluded<?> e) {
        sql(SOURCE).sql(".").identifier(e.column.name());
    }

    @Override
    protected String castTypeName(SqlType<?> type) {
        return switch (type.kind()) {
            case TEXT -> "VARCHAR";
            default -> super.castTypeName(type);
        };
    }

    /** {@code MERGE INTO t USING (VALUES ...) AS excluded (cols) ON ... WHEN MATCHED ... WHEN NOT MATCHED ...}. */
    @Override
    protected void upsert(Insert insert) {
        Insert.OnConflict oc = insert.onConflict();
        List<Column<?>> cols = insert.columns();
        List<Column<?>> key = oc.target().isEmpty() ? insert.table().primaryKey() : oc.target();
        if (key.isEmpty() || cols.isEmpty()) {
            throw unsupported("an upsert without conflict columns or without values");
        }
        String table = insert.table().name();
        sql("MERGE INTO ").identifier(table).sql(" USING (");
        if (insert.fromSelect() != null) {
            nestedStatement(insert.fromSelect());
        } else {
            sql("VALUES ");
            valuesRows(insert);
        }
        sql(") AS ").sql(SOURCE).sql(" (");
        plainColumnNames(cols);
        sql(") ON ");
        for (int i = 0; i < key.size(); i++) {
            if (i > 0) {
                sql(" AND ");
            }
            identifier(table).sql(".").identifier(key.get(i).name());
            sql(" = ").sql(SOURCE).sql(".").identifier(key.get(i).name());
        }
        if (!oc.doNothing()) {
            sql(" WHEN MATCHED THEN UPDATE SET ");
            boolean first = true;
            for (Map.Entry<Column<?>, io.retort.sql.ColumnElement<?>> e :
                    oc.set().entrySet()) {
                if (!first) {
                    sql(", ");
                }
                first = false;
                identifier(e.getKey().name()).sql(" = ");
                e.getValue().accept(this);
            }
        }
        sql(" WHEN NOT MATCHED THEN INSERT (");
        plainColumnNames(cols);
        sql(") VALUES (");
        for (int i = 0; i < cols.size(); i++) {
            if (i > 0) {
                sql(", ");
            }
            sql(SOURCE).sql(".").identifier(cols.get(i).name());
        }
        sql(")");
    }
}
