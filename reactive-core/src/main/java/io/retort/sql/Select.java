package io.retort.sql;

import io.retort.core.InvalidRequestException;
import io.retort.schema.Table;
import io.retort.sql.internal.Nodes;
import io.retort.types.SqlType;
import io.retort.types.Types;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A SELECT statement, SQLAlchemy's {@code select()}. Immutable: every method returns a new Select. The FROM
 * list is what {@link #from}/{@link #join} name plus every table the columns and criteria use.
 *
 * <pre>{@code
 * Select q = select(users.c("name"), addresses.c("email"))
 *         .join(addresses)
 *         .where(users.c("name").in("spongebob", "sandy").and(addresses.c("email").like("%@sqlalchemy.org")))
 *         .orderBy(users.c("name").asc(), addresses.c("id").desc())
 *         .limit(10);
 * // PostgreSQL: SELECT users.name, addresses.email FROM users JOIN addresses ON users.id = addresses.user_id
 * //   WHERE users.name IN ($1, $2) AND addresses.email LIKE $3 ORDER BY users.name ASC, addresses.id DESC LIMIT $4
 * // MariaDB: the same with ? placeholders; H2: ... FETCH FIRST $4 ROWS ONLY
 * }</pre>
 */
public final class Select extends SelectBase {
    /** Row locking requested with FOR UPDATE. */
    public enum Lock {
        NONE,
        UPDATE,
        UPDATE_NOWAIT,
        UPDATE_SKIP_LOCKED,
        SHARE
    }

    private final List<ColumnElement<?>> columns;
    private final List<FromClause> froms;
    private final List<ColumnElement<Boolean>> where;
    private final List<ColumnElement<?>> groupBy;
    private final List<ColumnElement<Boolean>> having;
    private final List<OrderByElement> orderBy;
    private final ColumnElement<?> limit;
    private final ColumnElement<?> offset;
    private final boolean distinct;
    private final Lock lock;

    private Select(
            List<ColumnElement<?>> columns,
            List<FromClause> froms,
            List<ColumnElement<Boolean>> where,
            List<ColumnElement<?>> groupBy,
            List<ColumnElement<Boolean>> having,
            List<OrderByElement> orderBy,
            ColumnElement<?> limit,
            ColumnElement<?> offset,
            boolean distinct,
            Lock lock) {
        this.columns = List.copyOf(columns);
        this.froms = List.copyOf(froms);
        this.where = List.copyOf(where);
        this.groupBy = List.copyOf(groupBy);
        this.having = List.copyOf(having);
        this.orderBy = List.copyOf(orderBy);
        this.limit = limit;
        this.offset = offset;
        this.distinct = distinct;
        this.lock = lock;
    }

    static Select of(Object... items) {
        List<ColumnElement<?>> cols = new ArrayList<>();
        List<FromClause> froms = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof ColumnElement<?> c) {
                cols.add(c);
            } else if (item instanceof Table t) {
                cols.addAll(t.columns());
            } else if (item instanceof Alias a) {
                for (var c : a.table().columns()) {
                    cols.add(a.c(c.name()));
                }
            } else if (item instanceof Subquery s) {
                for (String n : s.columnNames()) {
                    cols.add(s.c(n));
                }
            } else if (item instanceof Select s) {
                cols.add(s.scalarSubquery());
            } else if (item instanceof Class<?> k) {
                cols.addAll(ClassColumns.of(k));
            } else {
                throw new IllegalArgumentException(
                        "select() takes columns, expressions, tables, aliases, subqueries and mapped classes, not "
                                + item);
            }
        }
        return new Select(cols, froms, List.of(), List.of(), List.of(), List.of(), null, null, false, Lock.NONE);
    }

    private Select with(
            List<ColumnElement<?>> columns,
            List<FromClause> froms,
            List<ColumnElement<Boolean>> where,
            List<ColumnElement<?>> groupBy,
            List<ColumnElement<Boolean>> having,
            List<OrderByElement> orderBy,
            ColumnElement<?> limit,
            ColumnElement<?> offset,
            boolean distinct,
            Lock lock) {
        return new Select(columns, froms, where, groupBy, having, orderBy, limit, offset, distinct, lock);
    }

    private static <E> List<E> plus(List<E> list, List<? extends E> more) {
        List<E> out = new ArrayList<>(list);
        out.addAll(more);
        return out;
    }

    /** Adds result columns. */
    public Select addColumns(ColumnElement<?>... more) {
        return with(
                plus(columns, List.of(more)), froms, where, groupBy, having, orderBy, limit, offset, distinct, lock);
    }

    /**
     * The same select with these result columns instead of its own (SQLAlchemy's {@code with_only_columns}); FROM,
     * joins, criteria, grouping, order and limits stay.
     *
     * <pre>{@code
     * select(users).where(users.c("id").gt(5)).withOnlyColumns(users.c("name"))
     * // SELECT users.name FROM users WHERE users.id > $1
     * }</pre>
     */
    public Select withOnlyColumns(ColumnElement<?>... replacement) {
        return with(List.of(replacement), froms, where, groupBy, having, orderBy, limit, offset, distinct, lock);
    }

    /**
     * Adds FROM items explicitly ({@code select(func.count()).from(users)}: SELECT count(*) FROM users).
     */
    public Select from(FromClause... items) {
        return with(
                columns, plus(froms, List.of(items)), where, groupBy, having, orderBy, limit, offset, distinct, lock);
    }

    /**
     * Adds WHERE criteria; several criteria and several calls are joined with AND.
     *
     * <pre>{@code
     * select(users.c("id")).where(users.c("name").eq("sandy"), users.c("id").gt(1))
     * // SELECT users.id FROM users WHERE users.name = $1 AND users.id > $2
     * }</pre>
     */
    @SafeVarargs
    public final Select where(ColumnElement<Boolean>... criteria) {
        return with(
                columns,
                froms,
                plus(where, List.of(criteria)),
                groupBy,
                having,
                orderBy,
                limit,
                offset,
                distinct,
                lock);
    }

    /** A {@code text()} criterion, e.g. {@code where(text("users.id > :min"))}; its {@code :names} are bound by name. */
    public Select where(TextClause criterion) {
        return where(Sql.textExpression(criterion));
    }

    /** Joins {@code target} to the FROM, the ON condition inferred from the one foreign key (see {@link Join}). */
    public Select join(FromClause target) {
        return joinWith(target, null, Join.Kind.INNER);
    }

    /** Joins {@code target} ON {@code onClause}. */
    public Select join(FromClause target, ColumnElement<Boolean> onClause) {
        return joinWith(target, onClause, Join.Kind.INNER);
    }

    /** LEFT OUTER JOIN {@code target} (inferred condition). */
    public Select outerJoin(FromClause target) {
        return joinWith(target, null, Join.Kind.LEFT);
    }

    /** LEFT OUTER JOIN {@code target} ON {@code onClause}. */
    public Select outerJoin(FromClause target, ColumnElement<Boolean> onClause) {
        return joinWith(target, onClause, Join.Kind.LEFT);
    }

    /** FULL OUTER JOIN {@code target} ON {@code onClause} (PostgreSQL only; others refuse it when compiling). */
    public Select fullOuterJoin(FromClause target, ColumnElement<Boolean> onClause) {
        return joinWith(target, onClause, Join.Kind.FULL);
    }

    private Select joinWith(FromClause target, ColumnElement<Boolean> on, Join.Kind kind) {
        List<FromClause> f = new ArrayList<>(froms);
        FromClause left;
        if (f.isEmpty()) {
            List<FromClause> derived = derivedFroms();
            if (derived.isEmpty()) {
                throw new InvalidRequestException(
                        "join(" + target + "): the select has no FROM to join to; call from(...) first");
            }
            left = derived.get(0);
        } else {
            left = f.remove(f.size() - 1);
        }
        f.add(Join.of(left, target, on, kind));
        return with(columns, f, where, groupBy, having, orderBy, limit, offset, distinct, lock);
    }

    /** GROUP BY. */
    public Select groupBy(ColumnElement<?>... items) {
        return with(
                columns, froms, where, plus(groupBy, List.of(items)), having, orderBy, limit, offset, distinct, lock);
    }

    /** HAVING criteria (ANDed). */
    @SafeVarargs
    public final Select having(ColumnElement<Boolean>... criteria) {
        return with(
                columns,
                froms,
                where,
                groupBy,
                plus(having, List.of(criteria)),
                orderBy,
                limit,
                offset,
                distinct,
                lock);
    }

    /**
     * ORDER BY: expressions (ascending) or {@code asc()/desc()} items, with {@code nullsFirst()/nullsLast()}.
     *
     * <pre>{@code
     * .orderBy(users.c("name").asc(), users.c("id").desc().nullsLast())
     * // ORDER BY users.name ASC, users.id DESC NULLS LAST
     * }</pre>
     */
    public Select orderBy(Object... items) {
        List<OrderByElement> o = new ArrayList<>(orderBy);
        for (Object i : items) {
            o.add(OrderByElement.of(i));
        }
        return with(columns, froms, where, groupBy, having, o, limit, offset, distinct, lock);
    }

    /** LIMIT n, bound ({@code LIMIT $1}; H2: {@code FETCH FIRST $1 ROWS ONLY}). */
    public Select limit(int n) {
        return with(
                columns,
                froms,
                where,
                groupBy,
                having,
                orderBy,
                new Nodes.Bind<>(n, Types.INTEGER),
                offset,
                distinct,
                lock);
    }

    /** OFFSET n, bound ({@code OFFSET $1}; H2: {@code OFFSET $1 ROWS}). */
    public Select offset(int n) {
        return with(
                columns,
                froms,
                where,
                groupBy,
                having,
                orderBy,
                limit,
                new Nodes.Bind<>(n, Types.INTEGER),
                distinct,
                lock);
    }

    /** SELECT DISTINCT. */
    public Select distinct() {
        return with(columns, froms, where, groupBy, having, orderBy, limit, offset, true, lock);
    }

    /** {@code FOR UPDATE}. */
    public Select forUpdate() {
        return withLock(Lock.UPDATE);
    }

    /** {@code FOR UPDATE NOWAIT}. */
    public Select forUpdateNowait() {
        return withLock(Lock.UPDATE_NOWAIT);
    }

    /** {@code FOR UPDATE SKIP LOCKED} (PostgreSQL, MariaDB; H2 refuses it when compiling). */
    public Select forUpdateSkipLocked() {
        return withLock(Lock.UPDATE_SKIP_LOCKED);
    }

    /** {@code FOR SHARE} (MariaDB: {@code LOCK IN SHARE MODE}; H2 refuses it). */
    public Select forShare() {
        return withLock(Lock.SHARE);
    }

    private Select withLock(Lock l) {
        return with(columns, froms, where, groupBy, having, orderBy, limit, offset, distinct, l);
    }

    /** {@code (SELECT ...)} as a value, for comparisons and result columns. */
    @SuppressWarnings("unchecked")
    public <T> ColumnElement<T> scalarSubquery() {
        SqlType<T> t = columns.size() == 1 ? (SqlType<T>) columns.get(0).type() : null;
        return new Nodes.ScalarSubquery<>(this, t);
    }

    /** {@code EXISTS (SELECT ...)}. */
    public ColumnElement<Boolean> exists() {
        return new Nodes.Exists(this, false);
    }

    // ------------------------------------------------------------------ accessors (for compilers)

    @Override
    public List<ColumnElement<?>> selectedColumns() {
        return columns;
    }

    /** The explicit FROM items (including joins). */
    public List<FromClause> explicitFroms() {
        return froms;
    }

    /**
     * The FROM list: explicit items, then every other FROM item the columns, WHERE and HAVING read, in order of
     * appearance, each once.
     */
    public List<FromClause> effectiveFroms() {
        Set<Object> covered = new LinkedHashSet<>();
        for (FromClause f : froms) {
            for (FromClause leaf : f.leaves()) {
                covered.add(sameSource(leaf));
            }
        }
        List<FromClause> out = new ArrayList<>(froms);
        for (FromClause f : derivedFroms()) {
            if (covered.add(sameSource(f))) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * What makes two FROM items the same: a table by its schema and name (two {@code Table} objects of the same
     * database table, say from two MetaData, are one FROM item, not "table specified more than once"), anything
     * else by itself.
     */
    private static Object sameSource(FromClause f) {
        return f instanceof io.retort.schema.Table t ? List.of("table", String.valueOf(t.schema()), t.name()) : f;
    }

    private List<FromClause> derivedFroms() {
        LinkedHashSet<FromClause> found = new LinkedHashSet<>();
        for (ColumnElement<?> c : columns) {
            c.collectFroms(found::add);
        }
        for (ColumnElement<?> c : where) {
            c.collectFroms(found::add);
        }
        for (ColumnElement<?> c : having) {
            c.collectFroms(found::add);
        }
        return new ArrayList<>(found);
    }

    /** The WHERE criteria (ANDed). */
    public List<ColumnElement<Boolean>> whereCriteria() {
        return where;
    }

    /** The GROUP BY items. */
    public List<ColumnElement<?>> groupByItems() {
        return groupBy;
    }

    /** The HAVING criteria (ANDed). */
    public List<ColumnElement<Boolean>> havingCriteria() {
        return having;
    }

    /** The ORDER BY items. */
    public List<OrderByElement> orderByItems() {
        return orderBy;
    }

    /** The bound LIMIT, or {@code null}. */
    public ColumnElement<?> limitValue() {
        return limit;
    }

    /** The bound OFFSET, or {@code null}. */
    public ColumnElement<?> offsetValue() {
        return offset;
    }

    /** {@code true} for SELECT DISTINCT. */
    public boolean isDistinct() {
        return distinct;
    }

    /** The requested row lock ({@link Lock#NONE} for none). */
    public Lock lock() {
        return lock;
    }

    @Override
    public void accept(ClauseVisitor visitor) {
        visitor.visitSelect(this);
    }

    @Override
    public void appendKey(KeyBuilder key) {
        key.add("select")
                .add(distinct)
                .add(lock)
                .addAll(columns)
                .addAll(froms)
                .addAll(where)
                .addAll(groupBy)
                .addAll(having)
                .addAll(orderBy)
                .add(limit)
                .add(offset);
    }

    @Override
    public String toString() {
        return "select(" + columns + ")";
    }
}
