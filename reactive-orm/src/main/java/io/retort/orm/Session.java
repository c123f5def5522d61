package io.retort.orm;

import java.util.Collection;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The ORM's unit of work, SQLAlchemy's {@code Session}, reactive end to end. It tracks objects (one Java object
 * per primary key: the identity map), records what you {@link #add} and {@link #delete} and what you change in
 * loaded objects, and writes all of it in one batched {@link #flush()} — before queries (autoflush) and at
 * {@link #commit()}.
 *
 * <p>Recording methods ({@code add}, {@code delete}, {@code expunge}, {@code expire}) are synchronous and do no
 * I/O. Methods that talk to the database return publishers and start a transaction on first use
 * ("autobegin"). A session may be used from any thread; operations issued concurrently (for example
 * {@code Flux.merge} of several queries) are queued and run one after the other, never interleaved.
 *
 * <pre>{@code
 * sessions.inTransaction(session -> {
 *     session.add(new User("sandy", "Sandy Cheeks"));
 *     return session.get(User.class, 5).doOnNext(u -> u.fullname("Spongebob Squarepants"));
 * });   // one flush, then COMMIT; ROLLBACK on error or cancel
 * }</pre>
 */
public interface Session {

    /**
     * Adds a new object (PENDING: inserted at the next flush), or re-adds a DELETED one. Returns it.
     *
     * @throws MappingException if its class is not mapped by the session factory
     */
    <T> T add(T entity);

    /** {@link #add} for each. */
    void addAll(Collection<?> entities);

    /**
     * Marks a persistent object DELETED (deleted at the next flush); a pending one is simply forgotten.
     *
     * @throws io.retort.core.InvalidRequestException for an object this session does not track
     */
    void delete(Object entity);

    /** Removes the object from the session without touching the database (it becomes DETACHED). */
    void expunge(Object entity);

    /** {@link #expunge} for every object. */
    void expungeAll();

    /** Marks the object's loaded state as stale: the next load of its row overwrites its attributes. */
    void expire(Object entity);

    /** The object's state relative to this session. */
    ObjectState state(Object entity);

    /** {@code true} when the object is pending, persistent or deleted in this session. */
    boolean contains(Object entity);

    /**
     * The object with this primary key: from the identity map without SQL when it is loaded, otherwise one
     * SELECT. Emits nothing when there is no such row. A composite key is given as {@code Object[]} or
     * {@code List} in id-field order.
     */
    <T> Mono<T> get(Class<T> type, Object id);

    /**
     * The objects with these primary keys, {@link #get} for many at once (Hibernate's multi-load): those in the
     * identity map without SQL, the others with one {@code SELECT ... WHERE id IN (...)} per 500 ids, after one
     * autoflush. Emits the objects in the order of {@code ids}, each once (a repeated id is emitted once); ids
     * without a row (or deleted in this session) are skipped. A composite key is an {@code Object[]} or
     * {@code List}, as for {@link #get}.
     *
     * <pre>{@code
     * session.getAll(User.class, List.of(3, 1, 2));   // Flux<User>: 3, 1, 2; one SELECT for those not yet loaded
     * }</pre>
     *
     * @throws MappingException (as an error signal) for an unmapped class or an id of the wrong shape
     */
    <T> Flux<T> getAll(Class<T> type, java.util.Collection<?> ids);

    /**
     * Reloads the object's attributes from its row (one SELECT), discarding unflushed changes.
     *
     * @throws io.retort.core.InvalidRequestException (as an error signal) for an object not persistent here
     */
    <T> Mono<T> refresh(T entity);

    /**
     * Copies the state of a detached or transient object onto the persistent object with the same id (loading
     * it, or adding a new one when there is no such row) and emits that persistent object.
     */
    <T> Mono<T> merge(T entity);

    /** Writes every pending change in one batched set of statements. Completes when they are written. */
    Mono<Void> flush();

    /** Flushes and commits the transaction; the session stays usable (the next operation begins anew). */
    Mono<Void> commit();

    /**
     * Rolls back the transaction. Objects inserted or added in it are expunged, deleted ones are restored, and
     * changed ones get back their values from before the transaction, so the session matches the database.
     */
    Mono<Void> rollback();

    /** Rolls back anything uncommitted, releases the connection and detaches every object. */
    Mono<Void> close();

    /** Begins the transaction explicitly (otherwise the first database operation does). */
    Mono<Void> begin();

    /**
     * Runs {@code work} inside a SAVEPOINT (flushing first): released when its publisher completes, rolled back
     * on error or cancel — and then the objects added, changed or deleted inside it are expunged or restored
     * so that the session matches the database again.
     */
    <T> Flux<T> nested(Function<Session, ? extends Publisher<T>> work);

    /**
     * Begins a SAVEPOINT explicitly (flushing first); finish it with {@link NestedTransaction#commit()} or
     * {@link NestedTransaction#rollback()}. A rollback puts the session's objects back as the database has them.
     * {@link #nested(Function)} is the scoped form.
     *
     * <pre>{@code
     * session.beginNested().flatMap(sp -> session.flush().then(sp.rollback()));
     * }</pre>
     */
    Mono<NestedTransaction> beginNested();

    /**
     * Runs {@code work} with autoflush off (SQLAlchemy's {@code no_autoflush}).
     */
    <T> Flux<T> noAutoflush(Function<Session, ? extends Publisher<T>> work);

    /**
     * A query for entities of {@code type} (SQLAlchemy 2.0's {@code select(User)} run through the session).
     *
     * <pre>{@code
     * session.select(User.class).where(User_.name.eq("sandy")).one();
     * }</pre>
     */
    <T> EntityQuery<T> select(Class<T> type);

    /** The same query, under SQLAlchemy's legacy name ({@code session.query(User)}). */
    <T> EntityQuery<T> query(Class<T> type);

    /**
     * Runs a Core select and emits the first "column" of each row: the entity when the select starts with a mapped
     * class's columns ({@code select(User.class)}), otherwise the first column's value.
     *
     * <pre>{@code
     * session.scalars(select(User.class).where(User_.name.like("s%")));   // Flux<User>
     * }</pre>
     */
    <T> Flux<T> scalars(io.retort.sql.Select select);

    /**
     * Runs a Core statement on the session's connection and transaction (after an autoflush) and emits its rows. For
     * a select, each row is an {@link EntityRow} whose mapped classes ({@code select(User.class, Address_.email)})
     * are hydrated through the identity map: {@code EntityRow.of(row).entity(User.class)}.
     *
     * <pre>{@code
     * session.execute(select(User_.name, User_.id).where(User_.id.gt(5)));   // Flux<Row>
     * }</pre>
     */
    Flux<io.retort.core.Row> execute(io.retort.sql.Executable statement);

    /** {@link #execute(io.retort.sql.Executable)} with named parameters. */
    Flux<io.retort.core.Row> execute(io.retort.sql.Executable statement, java.util.Map<String, ?> parameters);

    /**
     * Runs a Core select like {@link #execute(io.retort.sql.Executable)} and emits its rows typed as
     * {@link EntityRow}: entities and columns mixed in one row, the entities through the identity map.
     *
     * <pre>{@code
     * session.entityRows(select(User.class, Address_.email).join(addresses).orderBy(Address_.email))
     *        .map(r -> r.entity(User.class).name() + " " + r.get(Address_.email));
     * }</pre>
     *
     * Emits one row per result row, completes after the last; cancelling stops the query.
     */
    Flux<EntityRow> entityRows(io.retort.sql.Select select);

    /**
     * An ORM bulk UPDATE of {@code type}'s table by criteria, with session synchronisation.
     *
     * <pre>{@code
     * session.bulkUpdate(User.class).set(User_.fullname, "n/a").where(User_.name.like("s%")).execute();
     * }</pre>
     */
    <T> BulkUpdate<T> bulkUpdate(Class<T> type);

    /**
     * An ORM bulk DELETE of {@code type}'s rows by criteria, with session synchronisation.
     *
     * <pre>{@code
     * session.bulkDelete(User.class).where(User_.name.eq("squidward")).synchronize(SynchronizeSession.FETCH).execute();
     * }</pre>
     */
    <T> BulkDelete<T> bulkDelete(Class<T> type);

    /**
     * A bulk INSERT (or upsert) of {@code type} objects or maps in chunks, without tracking them.
     *
     * <pre>{@code
     * session.bulkInsert(User.class).onConflictDoNothing().objects(users);
     * }</pre>
     */
    <T> BulkInsert<T> bulkInsert(Class<T> type);

    /**
     * Writes every object of {@code objects} with multi-row INSERTs in chunks of 1,000, consuming the publisher by
     * demand, without adding the objects to the session: an unbounded stream is stored with flat memory. Emits the
     * number of rows written. The publisher must not be a query on this same session (its connection cannot read
     * and write at once); stream from another session.
     *
     * <pre>{@code
     * session.bulkInsert(User.class, Flux.range(0, 100_000).map(i -> new User("u" + i, null)));   // Mono<Long>
     * }</pre>
     */
    default <T> Mono<Long> bulkInsert(Class<T> type, Publisher<? extends T> objects) {
        return bulkInsert(type).objects(objects);
    }

    /** The factory this session came from. */
    SessionFactory factory();
}
