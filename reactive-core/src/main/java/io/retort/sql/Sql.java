package io.retort.sql;

import io.retort.schema.Column;
import io.retort.schema.Table;
import io.retort.sql.internal.Nodes;
import io.retort.types.SqlType;
import io.retort.types.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The one static entry point of Retort's SQL expression language, SQLAlchemy's {@code sqlalchemy.sql}
 * namespace. Import it statically. Every construct is an immutable value; values are always bound parameters.
 *
 * <pre>{@code
 * import static io.retort.sql.Sql.*;
 *
 * engine.connect(conn -> conn.execute(select(users.c("name")).where(users.c("id").eq(5))));
 * engine.connect(conn -> conn.scalar(select(func.count()).from(users), Long.class));
 * engine.connect(conn -> conn.execute(text("SELECT x, y FROM t WHERE y > :y"), Map.of("y", 2)));
 * }</pre>
 */
public final class Sql {
    private Sql() {}

    /** SQL functions: {@code func.count()}, {@code func.lower(x)}, {@code func.call("any_fn", x)}. */
    public static final Functions func = Functions.INSTANCE;

    /**
     * Literal SQL with named {@code :parameters}; see {@link TextClause}.
     *
     * <pre>{@code
     * text("SELECT * FROM users WHERE name = :name")
     * // PostgreSQL, H2: SELECT * FROM users WHERE name = $1
     * // MariaDB:        SELECT * FROM users WHERE name = ?
     * }</pre>
     */
    public static TextClause text(String sql) {
        return new TextClause(sql);
    }

    /**
     * A SELECT of columns, expressions, tables (all their columns), aliases or subqueries.
     *
     * <pre>{@code
     * select(users.c("id"), users.c("name")).where(users.c("id").eq(5))
     * // SELECT users.id, users.name FROM users WHERE users.id = $1
     * }</pre>
     */
    public static Select select(Object... columns) {
        return Select.of(columns);
    }

    /** {@code INSERT INTO table ...}; see {@link Insert}. */
    public static Insert insert(Table table) {
        return Insert.into(table);
    }

    /** {@code UPDATE table SET ...}; see {@link Update}. */
    public static Update update(Table table) {
        return Update.of(table);
    }

    /** {@code DELETE FROM table ...}; see {@link Delete}. */
    public static Delete delete(Table table) {
        return Delete.from(table);
    }

    /**
     * {@code a AND b AND ...}; an empty {@code and()} is true ({@code 1 = 1}).
     *
     * <pre>{@code
     * and(users.c("id").gt(1), or(users.c("name").eq("a"), users.c("name").eq("b")))
     * // users.id > $1 AND (users.name = $2 OR users.name = $3)
     * }</pre>
     */
    @SafeVarargs
    public static ColumnElement<Boolean> and(ColumnElement<Boolean>... criteria) {
        return flatten("AND", List.of(criteria));
    }

    /** {@code a OR b OR ...}; an empty {@code or()} is false ({@code 1 <> 1}). */
    @SafeVarargs
    public static ColumnElement<Boolean> or(ColumnElement<Boolean>... criteria) {
        return flatten("OR", List.of(criteria));
    }

    private static ColumnElement<Boolean> flatten(String op, List<ColumnElement<Boolean>> items) {
        List<ColumnElement<Boolean>> out = new ArrayList<>();
        for (ColumnElement<Boolean> i : items) {
            if (i instanceof Nodes.BooleanList b && b.operator.equals(op)) {
                out.addAll(b.items);
            } else {
                out.add(i);
            }
        }
        return out.size() == 1 ? out.get(0) : new Nodes.BooleanList(op, out);
    }

    /** {@code NOT criterion} ({@code NOT EXISTS} for an exists). */
    public static ColumnElement<Boolean> not(ColumnElement<Boolean> criterion) {
        if (criterion instanceof Nodes.Exists e) {
            return new Nodes.Exists(e.select, !e.negated);
        }
        return new Nodes.Unary<>("NOT ", criterion, Types.BOOLEAN, ColumnElement.PREC_NOT);
    }

    /**
     * {@code EXISTS (SELECT ...)}; a subquery reading a table of the enclosing query is correlated to it.
     *
     * <pre>{@code
     * select(users.c("name")).where(exists(select(addresses.c("id")).where(addresses.c("user_id").eq(users.c("id")))))
     * // SELECT users.name FROM users WHERE EXISTS (SELECT addresses.id FROM addresses WHERE addresses.user_id = users.id)
     * }</pre>
     */
    public static ColumnElement<Boolean> exists(Select subquery) {
        return new Nodes.Exists(subquery, false);
    }

    /** {@code NOT EXISTS (SELECT ...)}. */
    public static ColumnElement<Boolean> notExists(Select subquery) {
        return new Nodes.Exists(subquery, true);
    }

    /**
     * A value as an expression, bound as a parameter (never written into the SQL).
     *
     * <pre>{@code
     * select(literal("hello").label("greeting"))    // SELECT $1 AS greeting
     * }</pre>
     */
    public static <T> ColumnElement<T> literal(T value) {
        return new Nodes.Bind<>(value, null);
    }

    /** A value of a declared type, bound (its type is used to bind {@code null}). */
    public static <T> ColumnElement<T> literal(T value, SqlType<T> type) {
        return new Nodes.Bind<>(value, type);
    }

    /**
     * A parameter given by name when executing: {@code conn.execute(stmt, Map.of("uid", 5))}.
     *
     * <pre>{@code
     * select(users.c("name")).where(users.c("id").eq(bindparam("uid")))   // ... WHERE users.id = $1
     * }</pre>
     */
    public static <T> ColumnElement<T> bindparam(String name) {
        return new Nodes.NamedBind<>(name, Object.class, null);
    }

    /** A named parameter of a declared type (used to bind {@code null}). */
    public static <T> ColumnElement<T> bindparam(String name, SqlType<T> type) {
        return new Nodes.NamedBind<>(name, type.javaType(), type);
    }

    /**
     * A fragment of SQL written by the programmer (never from user input), used as an expression; its
     * {@code :names} are bound by name at execution.
     *
     * <pre>{@code
     * select(users.c("id")).where(textExpression(text("users.id % 2 = :r")))
     * }</pre>
     */
    public static ColumnElement<Boolean> textExpression(TextClause text) {
        return new Nodes.TextFragment<>(text, Types.BOOLEAN);
    }

    /** A programmer-written SQL fragment used as a column, e.g. {@code literalColumn("1")}; not for values. */
    public static ColumnElement<Object> literalColumn(String sql) {
        return new Nodes.TextFragment<>(text(sql), null);
    }

    /** {@code TRUE}. */
    public static ColumnElement<Boolean> true_() {
        return new Nodes.Keyword<>("TRUE", Types.BOOLEAN);
    }

    /** {@code FALSE}. */
    public static ColumnElement<Boolean> false_() {
        return new Nodes.Keyword<>("FALSE", Types.BOOLEAN);
    }

    /** {@code NULL}. */
    public static <T> ColumnElement<T> null_() {
        return new Nodes.Keyword<>("NULL", null);
    }

    /**
     * A searched CASE: {@code case_().when(cond, value).else_(other)}.
     *
     * <pre>{@code
     * case_().when(users.c("id").lt(3), "low").else_("high")   // CASE WHEN users.id < $1 THEN $2 ELSE $3 END
     * }</pre>
     */
    public static Case<Object> case_() {
        return new Case<>(null, List.of(), List.of(), null);
    }

    /** A simple CASE on {@code value}: {@code case_(x).when(1, "one")} renders {@code CASE x WHEN $1 THEN $2 END}. */
    public static Case<Object> case_(ColumnElement<?> value) {
        return new Case<>(value, List.of(), List.of(), null);
    }

    /** {@code CAST(expression AS type)}; the type name is the dialect's (MariaDB: {@code SIGNED} for INTEGER). */
    public static <T> ColumnElement<T> cast(ColumnElement<?> expression, SqlType<T> type) {
        return new Nodes.Cast<>(expression, type);
    }

    /** {@code coalesce(a, b, ...)}; plain values are bound. */
    public static <T> ColumnElement<T> coalesce(ColumnElement<T> first, Object... more) {
        return func.coalesce(first, more);
    }

    /**
     * A row value {@code (a, b)}: compare it with {@code eq(tuple(...))} or test {@code in(tuple(..), tuple(..))}.
     *
     * <pre>{@code
     * tuple(t.c("a"), t.c("b")).in(tuple(1, 2), tuple(3, 4))   // (t.a, t.b) IN (($1, $2), ($3, $4))
     * }</pre>
     */
    public static ColumnElement<Object> tuple(Object... items) {
        List<ColumnElement<?>> e = new ArrayList<>();
        for (Object o : items) {
            e.add(Nodes.coerce(o, null));
        }
        return new Nodes.Tuple(e);
    }

    /**
     * In an upsert's SET, the value the INSERT proposed for {@code column}: PostgreSQL {@code EXCLUDED.col},
     * MariaDB {@code VALUES(col)}, H2 {@code excluded.col} (the MERGE source).
     */
    public static <T> ColumnElement<T> excluded(Column<T> column) {
        return new Nodes.Excluded<>(column);
    }

    /** The table under another name, for self-joins: {@code employees AS manager}. */
    public static Alias alias(Table table, String name) {
        return new Alias(table, name);
    }

    /** {@code a UNION b ...}. */
    public static CompoundSelect union(SelectBase first, SelectBase... more) {
        return first.union(more);
    }

    /** {@code a UNION ALL b ...}. */
    public static CompoundSelect unionAll(SelectBase first, SelectBase... more) {
        return first.unionAll(more);
    }

    /** {@code a INTERSECT b ...}. */
    public static CompoundSelect intersect(SelectBase first, SelectBase... more) {
        return first.intersect(more);
    }

    /** {@code a EXCEPT b ...}. */
    public static CompoundSelect except(SelectBase first, SelectBase... more) {
        return first.except(more);
    }
}
