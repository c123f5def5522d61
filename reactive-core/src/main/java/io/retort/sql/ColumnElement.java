package io.retort.sql;

import io.retort.sql.internal.Nodes;
import io.retort.types.SqlType;
import io.retort.types.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * A SQL expression that produces a value of Java type {@code T}: a table column, a bound value, a function
 * call, an arithmetic or comparison. The base of the expression language: every operator is a method here, so
 * every expression has them. Immutable; each operator returns a new expression. Plain Java values given to an
 * operator become bound parameters, never SQL text.
 *
 * <pre>{@code
 * users.c("name").eq("sandy")                       // users.name = $1          (MariaDB: users.name = ?)
 * users.c("id").in(1, 2, 3)                         // users.id IN ($1, $2, $3)
 * users.c("name").contains("50%")                   // users.name LIKE $1 ESCAPE '/'  bound to %50/%%
 * users.c("id").add(1).mul(2).label("x")            // (users.id + $1) * $2 AS x
 * }</pre>
 *
 * @param <T> the Java type of the expression's values
 */
public abstract class ColumnElement<T> implements ClauseElement {

    /** Binding strengths used to decide where parentheses are needed. */
    public static final int PREC_OR = 1,
            PREC_AND = 2,
            PREC_NOT = 3,
            PREC_COMPARE = 5,
            PREC_CONCAT = 6,
            PREC_ADD = 7,
            PREC_MUL = 8,
            PREC_UNARY = 9,
            PREC_ATOM = 100;

    protected ColumnElement() {}

    /** The SQL type of the expression's values, or {@code null} when unknown. */
    public abstract SqlType<T> type();

    /** How strongly this expression binds ({@link #PREC_ATOM} for names, calls and parenthesised forms). */
    public int precedence() {
        return PREC_ATOM;
    }

    /** Reports the FROM items this expression reads columns of (not those inside subqueries). */
    public void collectFroms(Consumer<FromClause> sink) {}

    /** The name a result column of this expression gets ({@code null} when the database chooses). */
    public String resultName() {
        return null;
    }

    // ------------------------------------------------------------------ comparisons

    /** {@code this = other}; {@code eq(null)} renders {@code IS NULL}. */
    public ColumnElement<Boolean> eq(Object other) {
        return other == null ? isNull() : compare("=", other);
    }

    /** {@code this <> other}; {@code ne(null)} renders {@code IS NOT NULL}. */
    public ColumnElement<Boolean> ne(Object other) {
        return other == null ? isNotNull() : compare("<>", other);
    }

    /** {@code this < other}. */
    public ColumnElement<Boolean> lt(Object other) {
        return compare("<", other);
    }

    /** {@code this <= other}. */
    public ColumnElement<Boolean> le(Object other) {
        return compare("<=", other);
    }

    /** {@code this > other}. */
    public ColumnElement<Boolean> gt(Object other) {
        return compare(">", other);
    }

    /** {@code this >= other}. */
    public ColumnElement<Boolean> ge(Object other) {
        return compare(">=", other);
    }

    private ColumnElement<Boolean> compare(String op, Object other) {
        return new Nodes.Binary<>(this, op, Nodes.coerce(other, this), Types.BOOLEAN, PREC_COMPARE);
    }

    /** {@code this IS NULL}. */
    public ColumnElement<Boolean> isNull() {
        return new Nodes.IsNull(this, false);
    }

    /** {@code this IS NOT NULL}. */
    public ColumnElement<Boolean> isNotNull() {
        return new Nodes.IsNull(this, true);
    }

    /**
     * {@code this IN (...)} over values: each a bound parameter. An empty list is always false ({@code 1 <> 1});
     * long lists are sent as one array parameter where the dialect allows ({@code = ANY($1)} on PostgreSQL and H2).
     *
     * <pre>{@code
     * users.c("name").in("spongebob", "sandy")     // users.name IN ($1, $2)
     * }</pre>
     */
    public ColumnElement<Boolean> in(Object... values) {
        return in(Arrays.asList(values));
    }

    /** {@code this IN (...)} over a collection; see {@link #in(Object...)}. */
    public ColumnElement<Boolean> in(Collection<?> values) {
        return new Nodes.InList(this, binds(values), false);
    }

    /** {@code this IN (SELECT ...)}. */
    public ColumnElement<Boolean> in(Select subquery) {
        return new Nodes.InSelect(this, subquery, false);
    }

    /** {@code this NOT IN (...)}; an empty list is always true ({@code 1 = 1}). */
    public ColumnElement<Boolean> notIn(Object... values) {
        return notIn(Arrays.asList(values));
    }

    /** {@code this NOT IN (...)} over a collection. */
    public ColumnElement<Boolean> notIn(Collection<?> values) {
        return new Nodes.InList(this, binds(values), true);
    }

    /** {@code this NOT IN (SELECT ...)}. */
    public ColumnElement<Boolean> notIn(Select subquery) {
        return new Nodes.InSelect(this, subquery, true);
    }

    private List<ColumnElement<?>> binds(Collection<?> values) {
        List<ColumnElement<?>> out = new ArrayList<>(values.size());
        for (Object v : values) {
            out.add(Nodes.coerce(v, this));
        }
        return out;
    }

    /** {@code this BETWEEN low AND high}. */
    public ColumnElement<Boolean> between(Object low, Object high) {
        return new Nodes.Between(this, Nodes.coerce(low, this), Nodes.coerce(high, this), false);
    }

    /** {@code this NOT BETWEEN low AND high}. */
    public ColumnElement<Boolean> notBetween(Object low, Object high) {
        return new Nodes.Between(this, Nodes.coerce(low, this), Nodes.coerce(high, this), true);
    }

    /** {@code this LIKE pattern} (the pattern is bound as given: {@code %} and {@code _} are wildcards). */
    public ColumnElement<Boolean> like(Object pattern) {
        return new Nodes.Like(this, Nodes.coerce(pattern, this), null, false, false);
    }

    /** {@code this LIKE pattern ESCAPE 'c'}. */
    public ColumnElement<Boolean> like(Object pattern, char escape) {
        return new Nodes.Like(this, Nodes.coerce(pattern, this), escape, false, false);
    }

    /** {@code this NOT LIKE pattern}. */
    public ColumnElement<Boolean> notLike(Object pattern) {
        return new Nodes.Like(this, Nodes.coerce(pattern, this), null, false, true);
    }

    /**
     * Case-insensitive LIKE: {@code ILIKE} on PostgreSQL and H2, {@code LOWER(x) LIKE LOWER(p)} on MariaDB.
     */
    public ColumnElement<Boolean> ilike(Object pattern) {
        return new Nodes.Like(this, Nodes.coerce(pattern, this), null, true, false);
    }

    /** Case-insensitive LIKE with an escape character. */
    public ColumnElement<Boolean> ilike(Object pattern, char escape) {
        return new Nodes.Like(this, Nodes.coerce(pattern, this), escape, true, false);
    }

    /** Case-insensitive NOT LIKE. */
    public ColumnElement<Boolean> notIlike(Object pattern) {
        return new Nodes.Like(this, Nodes.coerce(pattern, this), null, true, true);
    }

    /**
     * {@code this LIKE '%' || value || '%'} with {@code %}, {@code _} and {@code /} in {@code value} escaped, so
     * the value matches literally. The pattern is one bound parameter.
     *
     * <pre>{@code
     * users.c("name").contains("50%_off")     // users.name LIKE $1 ESCAPE '/'   with $1 = %50/%/_off%
     * }</pre>
     */
    public ColumnElement<Boolean> contains(String value) {
        return escapedLike("%" + Nodes.escapeLike(value) + "%");
    }

    /** {@code this LIKE value || '%'} with wildcards in {@code value} escaped; see {@link #contains(String)}. */
    public ColumnElement<Boolean> startsWith(String value) {
        return escapedLike(Nodes.escapeLike(value) + "%");
    }

    /** {@code this LIKE '%' || value} with wildcards in {@code value} escaped; see {@link #contains(String)}. */
    public ColumnElement<Boolean> endsWith(String value) {
        return escapedLike("%" + Nodes.escapeLike(value));
    }

    private ColumnElement<Boolean> escapedLike(String pattern) {
        return new Nodes.Like(this, new Nodes.Bind<>(pattern, Types.TEXT), Nodes.LIKE_ESCAPE, false, false);
    }

    // ------------------------------------------------------------------ boolean

    /** {@code this AND other}. */
    public ColumnElement<Boolean> and(ColumnElement<Boolean> other) {
        return Sql.and(bool(), other);
    }

    /** {@code this OR other}. */
    public ColumnElement<Boolean> or(ColumnElement<Boolean> other) {
        return Sql.or(bool(), other);
    }

    /** {@code NOT this}. */
    public ColumnElement<Boolean> not() {
        return Sql.not(bool());
    }

    @SuppressWarnings("unchecked")
    private ColumnElement<Boolean> bool() {
        return (ColumnElement<Boolean>) this;
    }

    // ------------------------------------------------------------------ arithmetic and strings

    /** {@code this + other}. */
    public ColumnElement<T> add(Object other) {
        return arithmetic("+", other, PREC_ADD);
    }

    /** {@code this - other}. */
    public ColumnElement<T> sub(Object other) {
        return arithmetic("-", other, PREC_ADD);
    }

    /** {@code this * other}. */
    public ColumnElement<T> mul(Object other) {
        return arithmetic("*", other, PREC_MUL);
    }

    /** {@code this / other} (integer division for integer operands on PostgreSQL and H2). */
    public ColumnElement<T> div(Object other) {
        return arithmetic("/", other, PREC_MUL);
    }

    /** {@code this % other}. */
    public ColumnElement<T> mod(Object other) {
        return arithmetic("%", other, PREC_MUL);
    }

    /** {@code -this}. */
    public ColumnElement<T> neg() {
        return new Nodes.Unary<>("-", this, type(), PREC_UNARY);
    }

    private ColumnElement<T> arithmetic(String op, Object other, int prec) {
        return new Nodes.Binary<>(this, op, Nodes.coerce(other, this), type(), prec);
    }

    /**
     * String concatenation: {@code this || other} (MariaDB: {@code CONCAT(this, other)}).
     */
    public ColumnElement<String> concat(Object other) {
        return new Nodes.Binary<>(this, "||", Nodes.coerce(other, this), Types.TEXT, PREC_CONCAT);
    }

    // ------------------------------------------------------------------ naming, typing, ordering

    /** {@code this AS name}: names the result column (and lets {@code row.get("name")} find it). */
    public ColumnElement<T> label(String name) {
        return new Nodes.Label<>(this, name);
    }

    /** {@code CAST(this AS type)}. */
    public <R> ColumnElement<R> cast(SqlType<R> type) {
        return new Nodes.Cast<>(this, type);
    }

    /** Ascending order: {@code this ASC}. */
    public OrderByElement asc() {
        return new OrderByElement(this, true, null);
    }

    /** Descending order: {@code this DESC}. */
    public OrderByElement desc() {
        return new OrderByElement(this, false, null);
    }
}
