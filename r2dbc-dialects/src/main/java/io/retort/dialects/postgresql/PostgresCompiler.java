package io.retort.dialects.postgresql;

import io.retort.dialect.SqlCompiler;
import io.retort.schema.Column;
import io.retort.sql.ColumnElement;
import io.retort.sql.Insert;
import io.retort.sql.internal.Nodes;
import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

/**
 * PostgreSQL's statement compiler: {@code LIMIT/OFFSET}, {@code ON CONFLICT} upserts, and long IN lists sent
 * as one array parameter.
 *
 * <pre>{@code
 * select(users.c("id")).where(users.c("id").in(ids)).limit(10)
 * // SELECT users.id FROM users WHERE users.id IN ($1, $2, $3) LIMIT $4
 * // (more than 100 ids of one class: WHERE users.id = ANY($1))
 * insert(users).values(row).onConflictDoUpdate(List.of(users.c("id")), Map.of("name", excluded(users.c("name"))))
 * // INSERT INTO users (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name
 * }</pre>
 */
final class PostgresCompiler extends SqlCompiler {
    /** IN lists longer than this (of one bindable class) are sent as an array. */
    public static final int IN_ARRAY_THRESHOLD = 100;

    private static final Set<Class<?>> ARRAY_CLASSES = Set.of(
            Integer.class,
            Long.class,
            Short.class,
            String.class,
            UUID.class,
            BigDecimal.class,
            Boolean.class,
            Double.class,
            Float.class);

    PostgresCompiler(PostgresDialect dialect) {
        super(dialect);
    }

    @Override
    protected boolean inListAsArray(Nodes.InList in) {
        Class<?> cls = in.homogeneousBindClass();
        return in.values.size() > IN_ARRAY_THRESHOLD && cls != null && ARRAY_CLASSES.contains(cls);
    }

    /** {@code LIMIT $n OFFSET $m}. */
    @Override
    protected void limitOffset(ColumnElement<?> limit, ColumnElement<?> offset) {
        if (limit != null) {
            sql(" LIMIT ");
            limit.accept(this);
        }
        if (offset != null) {
            sql(" OFFSET ");
            offset.accept(this);
        }
    }

    /** {@code INSERT ... ON CONFLICT (cols) DO UPDATE SET ... | DO NOTHING}. */
    @Override
    protected void upsert(Insert insert) {
        insertStatement(insert);
        Insert.OnConflict oc = insert.onConflict();
        sql(" ON CONFLICT");
        if (!oc.target().isEmpty()) {
            sql(" (");
            for (int i = 0; i < oc.target().size(); i++) {
                Column<?> c = oc.target().get(i);
                if (i > 0) {
                    sql(", ");
                }
                identifier(c.name());
            }
            sql(")");
        }
        if (oc.doNothing()) {
            sql(" DO NOTHING");
        } else {
            sql(" DO UPDATE SET ");
            assignments(oc.set());
        }
    }
}
