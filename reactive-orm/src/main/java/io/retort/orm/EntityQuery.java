package io.retort.orm;

import static io.retort.sql.Sql.func;

import io.retort.orm.internal.AttributeModel;
import io.retort.orm.internal.EntityModel;
import io.retort.orm.internal.QueryRunner;
import io.retort.sql.ColumnElement;
import io.retort.sql.FromClause;
import io.retort.sql.OrderByElement;
import io.retort.sql.Select;
import io.retort.sql.Sql;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An ORM query for one entity class, SQLAlchemy's {@code session.execute(select(User)).scalars()} (and its legacy
 * {@code session.query(User)}). Immutable: every call returns a new query. Terminals run it on the session (after
 * an autoflush) and emit the entities, one Java object per row identity.
 *
 * <pre>{@code
 * session.select(User.class).where(User_.name.eq("sandy")).one();              // Mono<User>
 * session.query(User.class).filterBy("name", "sandy").orderBy("id").first();   // Mono<User>
 * session.select(User.class).orderBy(User_.name.asc()).limit(10).all();        // Flux<User>
 * }</pre>
 *
 * @param <T> the entity
 */
public final class EntityQuery<T> {
    private final QueryRunner runner;
    private final EntityModel<T> model;
    private final Select select;
    private final List<LoaderOption> options;
    private final int fetchSize;

    /** Used by the session. */
    public EntityQuery(QueryRunner runner, EntityModel<T> model, Select select) {
        this(runner, model, select, List.of(), 0);
    }

    private EntityQuery(
            QueryRunner runner, EntityModel<T> model, Select select, List<LoaderOption> options, int fetchSize) {
        this.runner = runner;
        this.model = model;
        this.select = select;
        this.options = options;
        this.fetchSize = fetchSize;
    }

    private EntityQuery<T> with(Select s) {
        return new EntityQuery<>(runner, model, s, options, fetchSize);
    }

    /**
     * Loader options for relationships ({@code selectinload}, {@code joinedload}, {@code raiseload}, ...), see
     * {@link Loading}.
     *
     * <pre>{@code
     * session.select(User.class).options(selectinload(User_.addresses)).all();
     * }</pre>
     */
    public EntityQuery<T> options(LoaderOption... more) {
        List<LoaderOption> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return new EntityQuery<>(runner, model, select, List.copyOf(all), fetchSize);
    }

    /** Adds WHERE criteria (ANDed), built from metamodel attributes ({@code User_.name.eq(..)}) or columns. */
    @SafeVarargs
    public final EntityQuery<T> where(ColumnElement<Boolean>... criteria) {
        return with(select.where(criteria));
    }

    /** Legacy-style alias of {@link #where}. */
    @SafeVarargs
    public final EntityQuery<T> filter(ColumnElement<Boolean>... criteria) {
        return where(criteria);
    }

    /**
     * {@code attribute = value} by attribute name (SQLAlchemy's {@code filter_by}); {@code null} means IS NULL.
     *
     * @throws MappingException for an unknown attribute (listing the known ones) or a value of the wrong type
     */
    public EntityQuery<T> filterBy(String attribute, Object value) {
        AttributeModel a = model.attribute(attribute);
        checkValue(a, value);
        return with(select.where(a.column().eq(a.toColumnValue(value))));
    }

    /** The column of an attribute, by name, for building criteria without the metamodel. */
    public ColumnElement<?> attr(String attribute) {
        return model.attribute(attribute).column();
    }

    /** ORDER BY metamodel attributes or columns ({@code User_.name.asc()}, {@code User_.id}). */
    public EntityQuery<T> orderBy(Object... items) {
        return with(select.orderBy(items));
    }

    /** ORDER BY attributes by name, ascending; prefix a name with {@code -} for descending. */
    public EntityQuery<T> orderBy(String... attributes) {
        List<Object> items = new ArrayList<>();
        for (String n : attributes) {
            boolean desc = n.startsWith("-");
            ColumnElement<?> c = model.attribute(desc ? n.substring(1) : n).column();
            items.add(desc ? c.desc() : (OrderByElement) c.asc());
        }
        return with(select.orderBy(items.toArray()));
    }

    /** An explicit JOIN (ON inferred from the foreign key when omitted), to filter on another table. */
    public EntityQuery<T> join(FromClause target) {
        return with(select.join(target));
    }

    /** An explicit JOIN with ON. */
    public EntityQuery<T> join(FromClause target, ColumnElement<Boolean> on) {
        return with(select.join(target, on));
    }

    /** A LEFT OUTER JOIN (ON inferred from the foreign key). */
    public EntityQuery<T> outerJoin(FromClause target) {
        return with(select.outerJoin(target));
    }

    public EntityQuery<T> limit(int n) {
        return with(select.limit(n));
    }

    public EntityQuery<T> offset(int n) {
        return with(select.offset(n));
    }

    public EntityQuery<T> distinct() {
        return with(select.distinct());
    }

    /**
     * An explicit JOIN to another mapped entity's table (ON inferred from the foreign key), to filter or group on it.
     *
     * <pre>{@code
     * session.select(Team.class).join(Member.class).where(Member_.score.gt(80)).distinct().all();
     * }</pre>
     */
    /**
     * A JOIN along a relationship of the queried entity (or of an entity already joined), ON its foreign key;
     * a many-to-many joins the association table and the target.
     *
     * <pre>{@code
     * session.select(User.class).join(User_.addresses).where(Address_.email.like("%@sqlalchemy.org")).distinct();
     * }</pre>
     */
    public EntityQuery<T> join(io.retort.orm.metamodel.Attribute<?, ?> relationship) {
        return joinAlong(relationship.entityType(), relationship.name(), false);
    }

    /** {@link #join(io.retort.orm.metamodel.Attribute)} by relationship name, on the queried entity. */
    public EntityQuery<T> join(String relationship) {
        return joinAlong(model.type(), relationship, false);
    }

    /** A LEFT OUTER JOIN along a relationship. */
    public EntityQuery<T> outerJoin(io.retort.orm.metamodel.Attribute<?, ?> relationship) {
        return joinAlong(relationship.entityType(), relationship.name(), true);
    }

    /** A LEFT OUTER JOIN along a relationship, by name, on the queried entity. */
    public EntityQuery<T> outerJoin(String relationship) {
        return joinAlong(model.type(), relationship, true);
    }

    private EntityQuery<T> joinAlong(Class<?> owner, String name, boolean outer) {
        io.retort.orm.internal.RelationshipModel r =
                runner.session().factory().registry().model(owner).relationship(name);
        Select s = select;
        for (io.retort.orm.internal.RelationshipModel.JoinStep step : r.joinSteps()) {
            s = outer ? s.outerJoin(step.table(), step.on()) : s.join(step.table(), step.on());
        }
        return with(s);
    }

    public EntityQuery<T> join(Class<?> entity) {
        return join(runner.session().factory().registry().model(entity).table());
    }

    /** A JOIN to another mapped entity's table with an explicit ON. */
    public EntityQuery<T> join(Class<?> entity, ColumnElement<Boolean> on) {
        return join(runner.session().factory().registry().model(entity).table(), on);
    }

    /** A LEFT OUTER JOIN to another mapped entity's table (ON inferred from the foreign key). */
    public EntityQuery<T> outerJoin(Class<?> entity) {
        return outerJoin(runner.session().factory().registry().model(entity).table());
    }

    /**
     * GROUP BY metamodel attributes, columns or attribute names; with {@link #having} for criteria on aggregates.
     * Databases want every selected column grouped: group by all of the entity's attributes (or, on PostgreSQL,
     * its primary key), or call {@code groupBy()} with no arguments for exactly that.
     *
     * <pre>{@code
     * session.select(Team.class).join(Member.class).groupBy().having(func.count(Member_.id).ge(2)).all();
     * // SELECT team.id, team.title FROM team JOIN member ON team.id = member.team_id
     * //   GROUP BY team.id, team.title HAVING count(member.id) >= $1
     * }</pre>
     *
     * @throws MappingException for an unknown attribute name (listing the known ones)
     */
    public EntityQuery<T> groupBy(Object... items) {
        List<ColumnElement<?>> cols = new ArrayList<>();
        if (items.length == 0) {
            for (AttributeModel a : model.attributes()) {
                cols.add(a.column());
            }
        }
        for (Object o : items) {
            if (o instanceof String n) {
                cols.add(model.attribute(n).column());
            } else if (o instanceof ColumnElement<?> c) {
                cols.add(c);
            } else {
                throw new IllegalArgumentException("groupBy takes attributes, columns or attribute names, not " + o);
            }
        }
        return with(select.groupBy(cols.toArray(ColumnElement[]::new)));
    }

    /** HAVING criteria (ANDed) on the groups of {@link #groupBy}. */
    @SafeVarargs
    public final EntityQuery<T> having(ColumnElement<Boolean>... criteria) {
        return with(select.having(criteria));
    }

    /**
     * Rows the driver fetches per round trip: on PostgreSQL a portal read {@code rows} at a time as demand asks.
     * It makes {@link #all()} (without loader options) stream entities as rows arrive instead of reading the result
     * whole first, and applies to {@link #project}; {@code 0} (default) uses the engine's {@code fetchSize}.
     */
    public EntityQuery<T> fetchSize(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("fetchSize must be >= 0, was " + rows);
        }
        return new EntityQuery<>(runner, model, select, options, rows);
    }

    /**
     * Streams the matching entities as <em>detached</em> objects without keeping them in the session, SQLAlchemy's
     * {@code yield_per(batch)}: the driver fetches {@code batch} rows per round trip, each row becomes a new
     * object that the session does not track (its identity map does not grow, changes to it are not flushed, and
     * an object of the same id already in the session is neither returned nor refreshed). Memory stays flat
     * however many rows are read — a million rows cost what {@code batch} rows cost.
     *
     * <p>The trade-off: no identity map (the same row read twice gives two objects), no dirty tracking (write
     * changes with {@link Session#merge}, {@link Session#bulkUpdate} or {@link Session#bulkInsert}), and the
     * session's connection is busy until the stream completes or is cancelled: other operations on this session
     * wait for it. Eager loaders, when given, are applied per window of {@code batch} parents.
     *
     * <pre>{@code
     * session.select(Event.class).orderBy(Event_.id).stream(1000)
     *        .concatMap(e -> publish(e), 1)
     *        .then();
     * }</pre>
     *
     * Emits one object per row, completes after the last row, errors with a
     * {@link io.retort.core.DatabaseException}; cancelling stops the query and frees the session.
     */
    public Flux<T> stream(int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("stream(batch): batch must be >= 1, was " + batch);
        }
        return runner.stream(model, select, batch, options);
    }

    /**
     * The matching rows as records or DTOs of {@code type}, reading only the entity's attributes that
     * {@code type} names (record components or constructor parameters, by attribute name). No entity is loaded
     * or tracked.
     *
     * <pre>{@code
     * record MemberScore(String name, Integer score) {}
     * session.select(Member.class).where(Member_.teamId.eq(1L)).orderBy("name").project(MemberScore.class);
     * // SELECT member.name AS name, member.score AS score FROM member WHERE member.team_id = $1 ORDER BY member.name
     * }</pre>
     *
     * @throws MappingException when a component names no attribute of the entity (listing the known ones) or
     *     {@code type} cannot be constructed by name
     */
    public <R> Flux<R> project(Class<R> type) {
        io.retort.orm.internal.ProjectionMapper<R> mapper = io.retort.orm.internal.ProjectionMapper.of(type);
        List<ColumnElement<?>> cols = new ArrayList<>();
        for (String n : mapper.names()) {
            if (!model.hasAttribute(n)) {
                throw new MappingException("Cannot project " + model.type().getSimpleName() + " onto "
                        + type.getSimpleName() + ": " + model.type().getSimpleName() + " has no attribute '" + n
                        + "' (attributes: "
                        + String.join(
                                ", ",
                                model.attributes().stream()
                                        .map(AttributeModel::name)
                                        .toList()) + ")");
            }
            cols.add(model.attribute(n).column().label(n));
        }
        return runner.rows(select.withOnlyColumns(cols.toArray(ColumnElement[]::new)), fetchSize)
                .map(mapper);
    }

    /**
     * Keyset ("seek") pagination in its simplest form: rows whose {@code key} is greater than {@code last}, in
     * ascending {@code key} order. {@code key} should be unique (the id), or use {@link #page(int, Keyset)}.
     *
     * <pre>{@code
     * session.select(Member.class).after(Member_.id, lastSeenId).limit(100).all();
     * // ... WHERE member.id > $1 ORDER BY member.id ASC LIMIT $2
     * }</pre>
     */
    public <V> EntityQuery<T> after(ColumnElement<V> key, V last) {
        return with(select.where(key.gt(last)).orderBy(key.asc()));
    }

    /** The mirror of {@link #after}: rows whose {@code key} is less than {@code first}, in descending order. */
    public <V> EntityQuery<T> before(ColumnElement<V> key, V first) {
        return with(select.where(key.lt(first)).orderBy(key.desc()));
    }

    /**
     * The first page of {@code size} entities in this query's ORDER BY (which must name attributes of the entity;
     * the primary key is added as the last tie-breaker). One SELECT of {@code size + 1} rows.
     *
     * @throws io.retort.core.InvalidRequestException (as an error signal) without an ORDER BY, or ordering by an
     *     expression that is not an attribute of the entity
     */
    public Mono<Page<T>> page(int size) {
        return page(size, null);
    }

    /**
     * The page of {@code size} entities that follows {@code after} ({@link Page#next()} of the previous page):
     * {@code WHERE (a > :a) OR (a = :a AND b > :b) ...} in the ORDER BY's directions, then {@code LIMIT size + 1}.
     */
    public Mono<Page<T>> page(int size, Keyset after) {
        return Mono.defer(() -> {
            if (size < 1) {
                return Mono.error(new IllegalArgumentException("page size must be >= 1, was " + size));
            }
            io.retort.orm.internal.KeysetPaging<T> paging = io.retort.orm.internal.KeysetPaging.of(model, select);
            return runner.entities(model, paging.seek(after).limit(size + 1), options)
                    .collectList()
                    .map(list -> list.size() > size
                            ? new Page<>(list.subList(0, size), paging.keyset(list.get(size - 1)))
                            : new Page<>(list, null));
        });
    }

    /** The Core statement this query runs. */
    public Select statement() {
        return select;
    }

    /**
     * Every matching entity, each through the session's identity map. By default the result is read whole, then
     * relationship loaders run, then the entities are emitted (so what the subscriber does with each one, such as a
     * lazy {@code fetch()}, can use the session). With {@link #fetchSize} set (and no loader options) the entities
     * are instead emitted as rows arrive, with backpressure, the driver reading {@code fetchSize} rows per round
     * trip, and the session busy until the stream ends. Either way the session keeps every object read until it is
     * closed or they are expunged; for very large results use {@link #stream(int)}.
     */
    public Flux<T> all() {
        if (fetchSize > 0 && options.isEmpty()) {
            return runner.entities(model, select, fetchSize);
        }
        return runner.entities(model, select, options);
    }

    /** The first entity (LIMIT 1), or empty. */
    public Mono<T> first() {
        return runner.entities(model, select.limit(1), options).next();
    }

    /**
     * Exactly one entity.
     *
     * @throws NoResultException (as an error signal) when there is none
     * @throws MultipleResultsException (as an error signal) when there are several
     */
    public Mono<T> one() {
        return oneOrNone()
                .switchIfEmpty(Mono.error(() -> new NoResultException(
                        "Expected exactly one " + model.type().getSimpleName() + ", found none")));
    }

    /**
     * One entity or empty.
     *
     * @throws MultipleResultsException (as an error signal) when there are several
     */
    public Mono<T> oneOrNone() {
        return runner.entities(model, select.limit(2), options).collectList().flatMap(list -> {
            if (list.size() > 1) {
                return Mono.error(new MultipleResultsException(
                        "Expected at most one " + model.type().getSimpleName() + ", found several"));
            }
            return Mono.justOrEmpty(list.isEmpty() ? null : list.get(0));
        });
    }

    /** The number of matching rows ({@code SELECT count(*) FROM (<query>)}). */
    public Mono<Long> count() {
        Select counted = Sql.select(func.count()).from(select.subquery("counted"));
        return runner.scalar(counted, Long.class);
    }

    /** Whether any row matches. */
    public Mono<Boolean> exists() {
        return runner.scalar(Sql.select(Sql.exists(select)), Boolean.class);
    }

    /** Legacy {@code query.get(id)}: the same as {@code session.get(type, id)}. */
    public Mono<T> get(Object id) {
        return runner.session().get(model.type(), id);
    }

    private static void checkValue(AttributeModel a, Object value) {
        if (value == null) {
            return;
        }
        Class<?> expected = io.retort.core.internal.Conversions.box(a.javaType());
        if (!expected.isInstance(value) && !(value instanceof Number && Number.class.isAssignableFrom(expected))) {
            throw new MappingException("Attribute " + a + " holds " + expected.getSimpleName() + ", but the value "
                    + value + " is a " + value.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return select.toString();
    }
}
