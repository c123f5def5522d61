package io.retort.orm;

import io.retort.orm.internal.AttributeModel;
import io.retort.orm.internal.BulkOps;
import io.retort.orm.internal.EntityModel;
import io.retort.orm.internal.Values;
import io.retort.sql.ColumnElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * An ORM-enabled bulk DELETE by criteria, SQLAlchemy's {@code session.execute(delete(User).where(...))}: one
 * {@code DELETE ... WHERE ...} statement, no objects loaded, then the matching objects already in the session marked
 * deleted (detached after commit) according to {@link SynchronizeSession} (default {@code EVALUATE}). Immutable.
 * Relationship cascades are not applied: the database's ON DELETE rules are.
 *
 * <pre>{@code
 * session.bulkDelete(Member.class).where(Member_.score.lt(50)).synchronize(SynchronizeSession.FETCH).execute();
 * // DELETE FROM member WHERE member.score < $1      (PostgreSQL, H2, MariaDB: ... RETURNING member.id)
 * }</pre>
 *
 * @param <T> the entity
 */
public final class BulkDelete<T> {
    private final BulkOps ops;
    private final EntityModel<T> model;
    private final List<ColumnElement<Boolean>> criteria;
    private final SynchronizeSession mode;

    /** Used by the session. */
    public BulkDelete(BulkOps ops, EntityModel<T> model) {
        this(ops, model, List.of(), SynchronizeSession.EVALUATE);
    }

    private BulkDelete(
            BulkOps ops, EntityModel<T> model, List<ColumnElement<Boolean>> criteria, SynchronizeSession mode) {
        this.ops = ops;
        this.model = model;
        this.criteria = criteria;
        this.mode = mode;
    }

    /** WHERE criteria (ANDed). Without any, every row of the table is deleted. */
    @SafeVarargs
    public final BulkDelete<T> where(ColumnElement<Boolean>... more) {
        List<ColumnElement<Boolean>> c = new ArrayList<>(criteria);
        c.addAll(List.of(more));
        return new BulkDelete<>(ops, model, c, mode);
    }

    /**
     * {@code attribute = value} by name ({@code null}: IS NULL).
     *
     * @throws MappingException for an unknown attribute (listing the known ones) or a value of the wrong type
     */
    public BulkDelete<T> filterBy(String attribute, Object value) {
        AttributeModel a = model.attribute(attribute);
        Values.check(a, value);
        return where(a.column().eq(a.toColumnValue(value)));
    }

    /** How objects already in the session are synchronised (default {@link SynchronizeSession#EVALUATE}). */
    public BulkDelete<T> synchronize(SynchronizeSession mode) {
        return new BulkDelete<>(ops, model, criteria, Objects.requireNonNull(mode, "mode"));
    }

    /**
     * Runs the DELETE (after an autoflush) and synchronises the session. Emits the number of rows deleted; errors
     * like {@link BulkUpdate#execute()}.
     */
    public Mono<Long> execute() {
        return ops.delete(model, criteria, mode);
    }

    @Override
    public String toString() {
        return "bulkDelete(" + model.type().getSimpleName() + ", " + mode + ")";
    }
}
