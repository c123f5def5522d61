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

    /** Used by the session. */
    public EntityQuery(QueryRunner runner, EntityModel<T> model, Select select) {
        this(runner, model, select, List.of());
    }

    private EntityQuery(QueryRunner runner, EntityModel<T> model, Select select, List<LoaderOption> options) {
        this.runner = runner;
        this.model = model;
        this.select = select;
        this.options = options;
    }

    private EntityQuery<T> with(Select s) {
        return new EntityQuery<>(runner, model, s, options);
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
        return new EntityQuery<>(runner, model, select, List.copyOf(all));
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

    /** The Core statement this query runs. */
    public Select statement() {
        return select;
    }

    /**
     * Every matching entity. The rows are read whole before the entities are emitted (like SQLAlchemy's default ORM
     * results), so the subscriber may run other session operations for each one.
     */
    public Flux<T> all() {
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
