package io.retort.dialects.mariadb;

import io.retort.dialect.SqlCompiler;
import io.retort.schema.Column;
import io.retort.sql.ColumnElement;
import io.retort.sql.Insert;
import io.retort.sql.OrderByElement;
import io.retort.sql.Select;
import io.retort.sql.internal.Nodes;
import io.retort.types.SqlType;
import java.util.List;

/**
 * MariaDB's statement compiler: {@code ?} placeholders, {@code LIMIT/OFFSET}, {@code CONCAT()} for string
 * concatenation, {@code ON DUPLICATE KEY UPDATE} upserts, NULLS FIRST/LAST emulated, {@code LOCK IN SHARE MODE}.
 *
 * <pre>{@code
 * select(users.c("name").concat("!")).orderBy(users.c("name").asc().nullsLast()).limit(5)
 * // SELECT CONCAT(users.name, ?) FROM users ORDER BY users.name IS NULL, users.name ASC LIMIT ?
 * }</pre>
 */
final class MariaDbCompiler extends SqlCompiler {

    MariaDbCompiler(MariaDbDialect dialect) {
        super(dialect);
    }

    /** {@code a || b} is OR on MariaDB: concatenation is {@code CONCAT(a, b)}. */
    @Override
    public void visitBinary(Nodes.Binary<?> b) {
        if (b.operator.equals("||")) {
            sql("CONCAT(");
            b.left.accept(this);
            sql(", ");
            b.right.accept(this);
            sql(")");
            return;
        }
        super.visitBinary(b);
    }

    /** NULLS FIRST/LAST as a leading {@code x IS NULL} sort key. */
    @Override
    public void visitOrderBy(OrderByElement o) {
        Boolean nullsFirst = o.nullsFirstOrDefault();
        if (nullsFirst != null) {
            orderExpression(o.expression());
            sql(nullsFirst ? " IS NULL DESC, " : " IS NULL, ");
        }
        orderExpression(o.expression());
        if (!o.directionImplicit() || !o.ascending()) {
            sql(o.ascending() ? " ASC" : " DESC");
        }
    }

    /** {@code LIMIT ? OFFSET ?}; an OFFSET alone gets the largest LIMIT. */
    @Override
    protected void limitOffset(ColumnElement<?> limit, ColumnElement<?> offset) {
        if (limit != null) {
            sql(" LIMIT ");
            limit.accept(this);
        } else if (offset != null) {
            sql(" LIMIT 18446744073709551615");
        }
        if (offset != null) {
            sql(" OFFSET ");
            offset.accept(this);
        }
    }

    @Override
    protected void lockClause(Select.Lock lock) {
        if (lock == Select.Lock.SHARE) {
            sql(" LOCK IN SHARE MODE");
        } else {
            super.lockClause(lock);
        }
    }

    /** The proposed value of an upsert: {@code VALUES(col)}. */
    @Override
    public void visitExcluded(Nodes.Excluded<?> e) {
        sql("VALUES(").identifier(e.column.name()).sql(")");
    }

    @Override
    protected void defaultValues() {
        sql(" () VALUES ()");
    }

    /**
     * {@code INSERT ... ON DUPLICATE KEY UPDATE ...}; "do nothing" is a no-op assignment of the first
     * primary-key column (unlike {@code INSERT IGNORE}, it does not hide other errors).
     */
    @Override
    protected void upsert(Insert insert) {
        insertStatement(insert);
        Insert.OnConflict oc = insert.onConflict();
        sql(" ON DUPLICATE KEY UPDATE ");
        if (oc.doNothing()) {
            List<Column<?>> key = oc.target().isEmpty() ? insert.table().primaryKey() : oc.target();
            if (key.isEmpty()) {
                throw unsupported("onConflictDoNothing() on a table without a primary key or conflict columns");
            }
            identifier(key.get(0).name()).sql(" = ").identifier(key.get(0).name());
        } else {
            assignments(oc.set());
        }
    }

    @Override
    protected String castTypeName(SqlType<?> type) {
        return switch (type.kind()) {
            case SMALLINT, INTEGER, BIGINT, BOOLEAN -> "SIGNED";
            case VARCHAR, CHAR -> type.length() == null ? "CHAR" : "CHAR(" + type.length() + ")";
            case TEXT -> "CHAR";
            case NUMERIC ->
                type.precision() == null
                        ? "DECIMAL"
                        : "DECIMAL(" + type.precision() + ", " + (type.scale() == null ? 0 : type.scale()) + ")";
            case DOUBLE, REAL -> "DOUBLE";
            case TIMESTAMP, TIMESTAMP_WITH_TIME_ZONE -> "DATETIME";
            default -> super.castTypeName(type);
        };
    }
}
