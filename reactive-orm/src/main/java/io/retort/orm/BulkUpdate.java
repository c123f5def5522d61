package io.retort.orm;

import io.retort.orm.internal.AttributeModel;
import io.retort.orm.internal.BulkOps;
import io.retort.orm.internal.EntityModel;
import io.retort.orm.internal.Values;
import io.retort.orm.metamodel.Attribute;
import io.retort.sql.ColumnElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * An ORM-enabled bulk UPDATE by criteria, SQLAlchemy's {@code session.execute(update(User).where(...).values(...))}:
 * one {@code UPDATE ... SET ... WHERE ...} statement, no objects loaded, then the objects already in the session
 * brought in line according to {@link SynchronizeSession} (default {@code EVALUATE}). Immutable; {@link #execute()}
 * runs it in the session's transaction after an autoflush. No {@code @Version} check or increment is done.
 *
 * <pre>{@code
 * session.bulkUpdate(Member.class)
 *        .set(Member_.score, Member_.score.add(10))      // an expression, or a value: .set(Member_.score, 0)
 *        .where(Member_.teamId.eq(1L))
 *        .synchronize(SynchronizeSession.FETCH)
 *        .execute();                                      // Mono<Long>: rows matched
 * // UPDATE member SET score = (member.score + $1) WHERE member.team_id = $2
 * }</pre>
 *
 * @param <T> the entity
 */
public final class BulkUpdate<T> {
    private final BulkOps ops;
    private final EntityModel<T> model;
    private final Map<AttributeModel, Object> sets;
    private final List<ColumnElement<Boolean>> criteria;
    private final SynchronizeSession mode;

    /** Used by the session. */
    public BulkUpdate(BulkOps ops, EntityModel<T> model) {
        this(ops, model, Map.of(), List.of(), SynchronizeSession.EVALUATE);
    }

    private BulkUpdate(
            BulkOps ops,
            EntityModel<T> model,
            Map<AttributeModel, Object> sets,
            List<ColumnElement<Boolean>> criteria,
            SynchronizeSession mode) {
        this.ops = ops;
        this.model = model;
        this.sets = sets;
        this.criteria = criteria;
        this.mode = mode;
    }

    /** {@code SET attribute = value}. */
    public <V> BulkUpdate<T> set(Attribute<T, V> attribute, V value) {
        return set(attribute.name(), value);
    }

    /** {@code SET attribute = expression} ({@code Member_.score.add(1)}, {@code func.upper(...)}, ...). */
    public <V> BulkUpdate<T> set(Attribute<T, V> attribute, ColumnElement<? extends V> expression) {
        return set(attribute.name(), (Object) Objects.requireNonNull(expression, "expression"));
    }

    /**
     * {@code SET attribute = value} by attribute name; the value may also be a Core expression.
     *
     * <pre>{@code
     * session.bulkUpdate(Member.class).set("score", 0).where(Member_.name.eq("patrick")).execute();
     * }</pre>
     *
     * @throws MappingException for an unknown attribute (listing the known ones), an id attribute, or a value of
     *     the wrong type
     */
    public BulkUpdate<T> set(String attribute, Object value) {
        AttributeModel a = model.attribute(attribute);
        if (a.isId()) {
            throw new MappingException(
                    "bulkUpdate(" + model.type().getSimpleName() + ") cannot set the id attribute '" + a.name() + "'");
        }
        if (!(value instanceof ColumnElement<?>)) {
            Values.check(a, value);
        }
        Map<AttributeModel, Object> s = new LinkedHashMap<>(sets);
        s.put(a, value);
        return new BulkUpdate<>(ops, model, s, criteria, mode);
    }

    /** WHERE criteria (ANDed), from metamodel attributes or columns. */
    @SafeVarargs
    public final BulkUpdate<T> where(ColumnElement<Boolean>... more) {
        List<ColumnElement<Boolean>> c = new ArrayList<>(criteria);
        c.addAll(List.of(more));
        return new BulkUpdate<>(ops, model, sets, c, mode);
    }

    /**
     * {@code attribute = value} by name ({@code null}: IS NULL).
     *
     * @throws MappingException for an unknown attribute (listing the known ones) or a value of the wrong type
     */
    public BulkUpdate<T> filterBy(String attribute, Object value) {
        AttributeModel a = model.attribute(attribute);
        Values.check(a, value);
        return where(a.column().eq(a.toColumnValue(value)));
    }

    /** How objects already in the session are synchronised (default {@link SynchronizeSession#EVALUATE}). */
    public BulkUpdate<T> synchronize(SynchronizeSession mode) {
        return new BulkUpdate<>(ops, model, sets, criteria, Objects.requireNonNull(mode, "mode"));
    }

    /**
     * Runs the UPDATE (after an autoflush) and synchronises the session. Emits the number of rows matched, as the
     * database reports it; errors with an {@link io.retort.core.InvalidRequestException} before any SQL when
     * EVALUATE cannot evaluate the criteria in Java, or a {@link io.retort.core.DatabaseException}. Cancelling
     * leaves the statement's effect to the transaction (roll back to undo it).
     */
    public Mono<Long> execute() {
        return ops.update(model, sets, criteria, mode);
    }

    @Override
    public String toString() {
        return "bulkUpdate(" + model.type().getSimpleName() + ", set " + sets.keySet() + ", " + mode + ")";
    }
}
