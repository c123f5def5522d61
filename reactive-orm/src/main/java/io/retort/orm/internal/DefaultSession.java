package io.retort.orm.internal;

import io.retort.core.Connection;
import io.retort.core.IntegrityViolationException;
import io.retort.core.InvalidRequestException;
import io.retort.core.Row;
import io.retort.core.internal.AsyncLock;
import io.retort.orm.ObjectState;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.orm.StaleDataException;
import io.retort.orm.mapping.GenerationType;
import io.retort.sql.TextClause;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@link Session} implementation: identity map, frames for rollback, flush through {@link Statements}. */
public final class DefaultSession implements Session, QueryRunner {
    private final SessionFactory factory;
    private final MapperRegistry registry;
    private final Statements statements;
    private final AsyncLock lock = new AsyncLock();
    private final Relationships relationships = new Relationships(this);

    // object bookkeeping; guarded by "this"
    private Map<Object, InstanceState> states = new IdentityHashMap<>(8);
    private Map<EntityKey, InstanceState> identityMap = new HashMap<>();
    /** Objects expunged or detached by a commit; with {@link #retired} they answer {@link #state} as DETACHED. */
    private final Map<Object, Boolean> detached = new IdentityHashMap<>(4);
    /** The objects tracked when the session closed (their states as they were): closing does not copy them. */
    private Map<Object, InstanceState> retired = java.util.Collections.emptyMap();

    private final Deque<Frame> frames = new ArrayDeque<>(4);
    private boolean closed;
    private long addSequence;
    private int noAutoflush;

    // the transaction; only touched inside lock.run
    private Connection connection;
    /**
     * Whether a BEGIN may have been sent on {@link #connection}: set before it completes, so that a cancelled BEGIN
     * still gets a ROLLBACK (or COMMIT). Whether the transaction is open is the connection's own
     * {@code inTransaction()}, set when BEGIN succeeded: a BEGIN that never reached the server is sent again.
     */
    private boolean begun;

    public DefaultSession(SessionFactory factory, Statements statements) {
        this.factory = factory;
        this.registry = factory.registry();
        this.statements = statements;
        frames.push(new Frame(null));
    }

    @Override
    public SessionFactory factory() {
        return factory;
    }

    // ------------------------------------------------------------------ recording (no I/O)

    @Override
    public synchronized <T> T add(T entity) {
        checkOpen();
        EntityModel<?> model = registry.model(entity.getClass());
        InstanceState s = states.get(entity);
        if (s == null) {
            s = new InstanceState(entity, model, ObjectState.PENDING);
            s.sequence(++addSequence);
            states.put(entity, s);
            detached.remove(entity);
            frames.peek().added(s);
            relationships.bind(s, false);
            for (RelationshipModel r : model.relationships()) {
                for (Object t : Relationships.loadedTargets(r, entity)) {
                    if (r.kind == RelationshipModel.Kind.ONE_TO_MANY && r.inverse != null) {
                        Relationships.lazyOf(r.inverse, t).fill(entity);
                    }
                    if (r.cascades(io.retort.orm.mapping.Cascade.SAVE_UPDATE) && !states.containsKey(t)) {
                        add(t);
                    }
                }
            }
        } else if (s.state() == ObjectState.DELETED) {
            s.state(ObjectState.PERSISTENT);
            for (Frame f : frames) {
                f.undeleted(s);
            }
        }
        return entity;
    }

    @Override
    public synchronized void addAll(Collection<?> entities) {
        for (Object e : entities) {
            add(e);
        }
    }

    @Override
    public synchronized void delete(Object entity) {
        checkOpen();
        InstanceState s = states.get(entity);
        if (s == null) {
            throw new InvalidRequestException(
                    describe(entity) + " is " + state(entity)
                            + ", not in this session; load it with session.get(...) (or session.merge(...)) before deleting it");
        }
        if (s.state() == ObjectState.PENDING) {
            forget(s);
            return;
        }
        if (s.state() == ObjectState.PERSISTENT) {
            s.state(ObjectState.DELETED);
            frames.peek().deleted(s);
        }
    }

    @Override
    public synchronized void expunge(Object entity) {
        InstanceState s = states.get(entity);
        if (s == null) {
            throw new InvalidRequestException(describe(entity) + " is not in this session");
        }
        forget(s);
        if (s.key() != null) {
            detached.put(entity, Boolean.TRUE);
        }
        for (RelationshipModel r : s.model().relationships()) {
            if (r.cascades(io.retort.orm.mapping.Cascade.EXPUNGE)) {
                for (Object t : Relationships.loadedTargets(r, entity)) {
                    if (states.containsKey(t)) {
                        expunge(t);
                    }
                }
            }
        }
    }

    @Override
    public synchronized void expungeAll() {
        for (InstanceState s : new ArrayList<>(states.values())) {
            expunge(s.object());
        }
    }

    @Override
    public synchronized void expire(Object entity) {
        InstanceState s = states.get(entity);
        if (s == null || s.state() != ObjectState.PERSISTENT) {
            throw new InvalidRequestException("Cannot expire " + describe(entity) + ": it is " + state(entity)
                    + ", not persistent in this session");
        }
        s.expired(true);
    }

    @Override
    public synchronized ObjectState state(Object entity) {
        InstanceState s = states.get(entity);
        if (s != null) {
            return s.state();
        }
        InstanceState r = retired.get(entity);
        if (r != null) { // tracked when the session closed: detached if it had a row, transient if only pending
            return r.key() != null && r.state() != ObjectState.PENDING ? ObjectState.DETACHED : ObjectState.TRANSIENT;
        }
        return detached.containsKey(entity) ? ObjectState.DETACHED : ObjectState.TRANSIENT;
    }

    @Override
    public synchronized boolean contains(Object entity) {
        return states.containsKey(entity);
    }

    private void forget(InstanceState s) {
        states.remove(s.object());
        if (s.key() != null && identityMap.get(s.key()) == s) {
            identityMap.remove(s.key());
        }
        for (Frame f : frames) {
            f.forget(s);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new InvalidRequestException("This session is closed; open a new one with sessionFactory.open()");
        }
    }

    private static String describe(Object entity) {
        return entity == null
                ? "null"
                : entity.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(entity));
    }

    // ------------------------------------------------------------------ operations (queued)

    /** Runs {@code op} alone on this session: operations never interleave. */
    private <T> Flux<T> op(Supplier<? extends Publisher<T>> op) {
        return lock.run(() -> Flux.defer(() -> {
            checkOpen();
            return Flux.from(op.get());
        }));
    }

    /**
     * The session's connection for a read: taken on first use, without a transaction under
     * {@link io.retort.orm.Autobegin#ON_FIRST_WRITE} (the reads before the first write run in autocommit mode); a
     * locking select begins the transaction. Decided at subscription, never at assembly.
     */
    private Mono<Connection> readConnection(io.retort.sql.Select select) {
        if (factory.autobegin() == io.retort.orm.Autobegin.ON_FIRST_STATEMENT
                || (select != null && select.lock() != io.retort.sql.Select.Lock.NONE)) {
            return connection();
        }
        return Mono.defer(() -> connection != null ? Mono.just(connection) : open());
    }

    /** The session's connection inside its transaction, which begins here when it has not begun yet. */
    private Mono<Connection> connection() {
        return Mono.defer(() -> {
            if (connection != null && connection.inTransaction()) {
                return Mono.just(connection);
            }
            return (connection != null ? Mono.just(connection) : open())
                    .doOnNext(c -> begun = true)
                    .flatMap(c -> c.begin(factory.engine().options().isolationLevel())
                            .onErrorResume(e -> release().then(Mono.error(e)))
                            .thenReturn(c));
        });
    }

    private Mono<Connection> open() {
        return factory.engine().open().doOnNext(c -> connection = c);
    }

    @Override
    public <T> Mono<T> get(Class<T> type, Object id) {
        return op(() -> {
                    EntityModel<T> model = registry.model(type);
                    EntityKey key = EntityKey.forId(model, id);
                    synchronized (this) {
                        InstanceState s = identityMap.get(key);
                        if (s != null && !s.isExpired()) {
                            return s.state() == ObjectState.DELETED
                                    ? Mono.<T>empty()
                                    : Mono.just(type.cast(s.object()));
                        }
                    }
                    // reduce, not next(): the by-id SELECT completes instead of being cancelled in flight (a cancel
                    // costs the driver a drain); the first row wins, as next() did
                    Mono<T> loaded = load(model, key.values(), false).reduce((first, more) -> first);
                    Mono<T> found = model.relationships().isEmpty()
                            ? loaded
                            : loaded.flatMap(o -> relationships
                                    .apply(model, List.of(o), List.of(), 0)
                                    .thenReturn(o));
                    return autoflush().then(found);
                })
                .singleOrEmpty();
    }

    @Override
    public <T> Flux<T> getAll(Class<T> type, Collection<?> ids) {
        return op(() -> {
            EntityModel<T> model = registry.model(type);
            Set<EntityKey> keys = new java.util.LinkedHashSet<>();
            for (Object id : ids) {
                keys.add(EntityKey.forId(model, id));
            }
            Map<EntityKey, T> found = new HashMap<>();
            List<Object> missing = new ArrayList<>();
            synchronized (this) {
                for (EntityKey key : keys) {
                    InstanceState s = identityMap.get(key);
                    if (s != null && !s.isExpired()) {
                        if (s.state() != ObjectState.DELETED) {
                            found.put(key, type.cast(s.object()));
                        }
                    } else {
                        missing.add(queryKey(model, key));
                    }
                }
            }
            Mono<Void> loaded = missing.isEmpty()
                    ? Mono.empty()
                    : autoflush()
                            .thenMany(Flux.fromIterable(Relationships.chunks(missing))
                                    .concatMap(chunk -> {
                                        io.retort.sql.Select q = Relationships.selectOf(model)
                                                .where(Relationships.keyIn(
                                                        Relationships.columnsOf(model.ids()), chunk));
                                        return readConnection(q)
                                                .flatMapMany(c -> c.execute(q))
                                                .map(row -> hydrate(model, row, false));
                                    }))
                            .collectList()
                            .flatMap(list -> {
                                for (T o : list) {
                                    found.put(EntityKey.of(model, o), o);
                                }
                                return relationships.apply(model, list, List.of(), 0);
                            });
            return loaded.thenMany(Flux.defer(() -> {
                List<T> out = new ArrayList<>(keys.size());
                for (EntityKey key : keys) {
                    T o = found.get(key);
                    if (o != null) {
                        out.add(o);
                    }
                }
                return Flux.fromIterable(out);
            }));
        });
    }

    /** The value to match a key with in SQL: the column value, or a list of them for a composite key. */
    private static Object queryKey(EntityModel<?> model, EntityKey key) {
        List<AttributeModel> ids = model.ids();
        if (ids.size() == 1) {
            return ids.get(0).toColumnValue(key.id());
        }
        List<Object> values = key.values();
        List<Object> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            out.add(ids.get(i).toColumnValue(values.get(i)));
        }
        return out;
    }

    @Override
    public <T> Mono<T> refresh(T entity) {
        return op(() -> {
                    InstanceState s;
                    synchronized (this) {
                        s = states.get(entity);
                    }
                    if (s == null || s.key() == null || s.state() == ObjectState.PENDING) {
                        return Mono.error(new InvalidRequestException("Cannot refresh " + describe(entity) + ": it is "
                                + state(entity) + ", not persistent in this session"));
                    }
                    @SuppressWarnings("unchecked")
                    EntityModel<T> model = (EntityModel<T>) s.model();
                    return load(model, s.key().values(), true)
                            .next()
                            .flatMap(o -> refreshCascade(
                                            s.model(), o, java.util.Collections.newSetFromMap(new IdentityHashMap<>()))
                                    .thenReturn(o))
                            .switchIfEmpty(Mono.error(new InvalidRequestException(
                                    "Cannot refresh " + model.type().getSimpleName() + " "
                                            + s.key().values() + ": its row no longer exists")));
                })
                .next();
    }

    @Override
    public <T> Mono<T> merge(T entity) {
        return op(() -> doMerge(entity, new IdentityHashMap<>())).next();
    }

    /** Merges {@code entity} and, through MERGE cascades, its loaded related objects; inside an operation. */
    private <T> Mono<T> doMerge(T entity, Map<Object, Object> seen) {
        synchronized (this) {
            if (states.containsKey(entity)) {
                return Mono.just(entity);
            }
            if (seen.containsKey(entity)) {
                @SuppressWarnings("unchecked")
                T done = (T) seen.get(entity);
                return Mono.just(done);
            }
        }
        @SuppressWarnings("unchecked")
        EntityModel<T> model = (EntityModel<T>) registry.model(entity.getClass());
        EntityKey key = EntityKey.of(model, entity);
        Mono<T> target;
        if (key == null) {
            target = Mono.empty();
        } else {
            synchronized (this) {
                InstanceState s = identityMap.get(key);
                target = s != null
                        ? Mono.just(model.type().cast(s.object()))
                        : Mono.defer(() -> autoflush()
                                .then(load(model, key.values(), false).next()));
            }
        }
        return target.flatMap(existing -> {
                    AttributeModel v = model.version();
                    if (v != null) {
                        Object given = v.get(entity);
                        Object current = v.get(existing);
                        if (given != null && ((Number) given).longValue() != 0 && !given.equals(current)) {
                            return Mono.error(new StaleDataException("Cannot merge "
                                    + model.type().getSimpleName() + " "
                                    + key.values() + ": it has version " + given + ", but the row is at version "
                                    + current
                                    + " (changed since it was detached); reload it and apply the change again"));
                        }
                    }
                    copyInto(model, entity, existing);
                    return Mono.just(existing);
                })
                .switchIfEmpty(Mono.fromSupplier(() -> add(copyOf(model, entity, null))))
                .flatMap(merged -> {
                    seen.put(entity, merged);
                    return Flux.fromIterable(model.relationships())
                            .filter(r -> r.cascades(io.retort.orm.mapping.Cascade.MERGE)
                                    && Relationships.isLoaded(r, entity))
                            .concatMap(r -> Flux.fromIterable(Relationships.loadedTargets(r, entity))
                                    .concatMap(t -> doMerge(t, seen))
                                    .collectList()
                                    .doOnNext(targets -> relationships.setMerged(r, merged, targets)))
                            .then(Mono.just(merged));
                });
    }

    /** Reloads the loaded related objects that REFRESH cascades reach; inside an operation. */
    private Mono<Void> refreshCascade(EntityModel<?> model, Object entity, Set<Object> seen) {
        if (!seen.add(entity)) {
            return Mono.empty();
        }
        return Flux.fromIterable(model.relationships())
                .filter(r -> r.cascades(io.retort.orm.mapping.Cascade.REFRESH) && Relationships.isLoaded(r, entity))
                .concatMap(r -> Flux.fromIterable(Relationships.loadedTargets(r, entity))
                        .concatMap(t -> {
                            InstanceState ts = stateOf(t);
                            if (ts == null || ts.key() == null || seen.contains(t)) {
                                return Mono.empty();
                            }
                            return load(ts.model(), ts.key().values(), true)
                                    .next()
                                    .flatMap(o -> refreshCascade(ts.model(), o, seen));
                        }))
                .then();
    }

    private static <T> T copyOf(EntityModel<T> model, T source, Map<String, Object> unused) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (AttributeModel a : model.attributes()) {
            values.put(a.name(), a.get(source));
        }
        T copy = model.newInstance(values);
        copyInto(model, source, copy);
        return copy;
    }

    private static <T> void copyInto(EntityModel<T> model, T source, T target) {
        for (AttributeModel a : model.attributes()) {
            if (!a.isVersion()) {
                a.set(target, a.get(source));
            }
        }
    }

    @Override
    public Mono<Void> flush() {
        return op(this::doFlush).then();
    }

    @Override
    public Mono<Void> begin() {
        return op(() -> connection().then()).then();
    }

    @Override
    public Mono<Void> commit() {
        return op(() -> doFlush().then(Mono.defer(() -> {
                    if (connection == null) {
                        return Mono.empty();
                    }
                    Connection c = connection;
                    if (!begun) { // only read: nothing to commit
                        return release().then(Mono.fromRunnable(this::afterCommit));
                    }
                    return c.commit()
                            .onErrorResume(e -> doRollback().then(Mono.error(e))) // closes the connection too
                            .then(Mono.defer(this::release))
                            .then(Mono.fromRunnable(this::afterCommit));
                })))
                .then();
    }

    @Override
    public Mono<Void> rollback() {
        return op(this::doRollback).then();
    }

    @Override
    public Mono<Void> close() {
        return op(() -> doRollback(false)).then();
    }

    @Override
    public Mono<io.retort.orm.NestedTransaction> beginNested() {
        return beginFrame().map(f -> new io.retort.orm.NestedTransaction() {
            @Override
            public Mono<Void> commit() {
                return op(() -> doFlush().then(Mono.defer(() -> releaseFrame(f))))
                        .then();
            }

            @Override
            public Mono<Void> rollback() {
                return op(() -> rollbackFrame(f)).then();
            }
        });
    }

    private Mono<Frame> beginFrame() {
        return op(() -> doFlush().then(connection()).flatMap(c -> c.savepoint()).map(name -> {
                    Frame f = new Frame(name);
                    synchronized (this) {
                        frames.push(f);
                    }
                    return f;
                }))
                .next();
    }

    @Override
    public <T> Flux<T> nested(Function<Session, ? extends Publisher<T>> work) {
        Mono<Frame> begin = beginFrame();
        return Flux.usingWhen(
                begin,
                f -> work.apply(this),
                f -> op(() -> doFlush().then(Mono.defer(() -> releaseFrame(f)))),
                (f, e) -> op(() -> rollbackFrame(f)),
                f -> op(() -> rollbackFrame(f)));
    }

    @Override
    public <T> Flux<T> noAutoflush(Function<Session, ? extends Publisher<T>> work) {
        return Flux.using(
                () -> {
                    synchronized (this) {
                        noAutoflush++;
                    }
                    return this;
                },
                s -> work.apply(this),
                s -> {
                    synchronized (this) {
                        noAutoflush--;
                    }
                });
    }

    // ------------------------------------------------------------------ for relationships

    synchronized InstanceState stateOf(Object entity) {
        return states.get(entity);
    }

    /** The tracked states whose model has relationships (the only ones the relationship passes of a flush visit). */
    synchronized List<InstanceState> trackedStatesWithRelationships() {
        if (!registry.hasRelationships()) {
            return List.of();
        }
        List<InstanceState> out = new ArrayList<>();
        for (InstanceState s : states.values()) {
            if (!s.model().relationships().isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    synchronized boolean unflushedDelete(InstanceState s) {
        return s.key() != null && identityMap.get(s.key()) == s;
    }

    synchronized Object identity(EntityModel<?> model, Object id) {
        InstanceState s = identityMap.get(new EntityKey(model.type(), id));
        return s == null || s.isExpired() || s.state() == ObjectState.DELETED ? null : s.object();
    }

    Statements statements() {
        return statements;
    }

    /** Rows of a select on the session's connection; only inside an operation. */
    Flux<Row> rows(io.retort.sql.Select select) {
        return readConnection(select).flatMapMany(c -> c.execute(select));
    }

    /** As {@link #rows(io.retort.sql.Select)}, in the transaction when {@code lockSource} locks rows. */
    Flux<Row> rows(io.retort.sql.Select select, io.retort.sql.Select lockSource) {
        return readConnection(lockSource).flatMapMany(c -> c.execute(select));
    }

    Object readValue(AttributeModel a, Object raw) {
        return a.fromColumnValue(statements.dialect().typeMap().fromDriver(a.storageType(), raw));
    }

    Mono<Void> autoflushNow() {
        return autoflush();
    }

    <T> Flux<T> inOp(Supplier<? extends Publisher<T>> work) {
        return op(work);
    }

    /** Fails when a relationship of {@code owner} can no longer be loaded through this session. */
    synchronized Mono<Void> whenUsable(InstanceState owner, RelationshipModel rel) {
        if (closed) {
            return Mono.error(new InvalidRequestException("Cannot fetch " + rel
                    + ": the session that loaded the object is closed; load it in an open session"));
        }
        if (states.get(owner.object()) != owner || owner.key() == null) {
            return Mono.error(
                    new InvalidRequestException("Cannot fetch " + rel + ": the object is " + state(owner.object())
                            + ", not persistent in this session (merge it into an open session first)"));
        }
        return Mono.empty();
    }

    // ------------------------------------------------------------------ queries

    @Override
    public <T> io.retort.orm.EntityQuery<T> select(Class<T> type) {
        EntityModel<T> model = registry.model(type);
        return new io.retort.orm.EntityQuery<>(this, model, io.retort.sql.Sql.select(type));
    }

    @Override
    public <T> io.retort.orm.EntityQuery<T> query(Class<T> type) {
        return select(type);
    }

    @Override
    public Session session() {
        return this;
    }

    @Override
    public <T> Flux<T> entities(EntityModel<T> model, io.retort.sql.Select select) {
        return entities(model, select, List.of());
    }

    @Override
    public <T> Flux<T> entities(EntityModel<T> model, io.retort.sql.Select select, int fetchSize) {
        return op(() -> autoflush()
                        .thenMany(readConnection(select).flatMapMany(c -> c.execute(select, Map.of(), fetchSize))))
                .map(row -> hydrate(model, row, false));
    }

    @Override
    public <T> Flux<T> entities(
            EntityModel<T> model, io.retort.sql.Select select, List<io.retort.orm.LoaderOption> options) {
        List<List<io.retort.orm.LoaderOption.Step>> paths = new ArrayList<>();
        for (io.retort.orm.LoaderOption o : options) {
            paths.add(o.path());
        }
        boolean loaders = !paths.isEmpty()
                || model.relationships().stream().anyMatch(r -> r.strategy() != io.retort.orm.mapping.Strategy.LAZY);
        RelationshipModel joined = null;
        for (List<io.retort.orm.LoaderOption.Step> path : paths) {
            io.retort.orm.LoaderOption.Step first = path.get(0);
            if (first.strategy() == io.retort.orm.mapping.Strategy.JOINED
                    && first.entity() == model.type()
                    && model.relationship(first.relationship()).kind() != RelationshipModel.Kind.MANY_TO_MANY) {
                joined = model.relationship(first.relationship());
                break;
            }
        }
        if (joined != null) {
            RelationshipModel rel = joined;
            return op(() -> autoflush()
                            .then(relationships.joinedRead(model, select, rel))
                            .flatMap(list ->
                                    relationships.apply(model, list, paths, 0).thenReturn(list)))
                    .next()
                    .flatMapIterable(list -> list);
        }
        // The result is read completely (like SQLAlchemy's default ORM results) before it is emitted, so that what
        // the subscriber does with each object (a lazy fetch(), another query) can use the session's connection.
        Mono<List<T>> read = op(() -> autoflush()
                        .thenMany(readConnection(select).flatMapMany(c -> c.execute(select)))
                        .map(row -> hydrate(model, row, false))
                        .collectList()
                        .flatMap(list -> loaders
                                ? relationships.apply(model, list, paths, 0).thenReturn(list)
                                : Mono.just(list)))
                .next();
        return read.flatMapIterable(list -> list);
    }

    @Override
    public <T> Flux<T> stream(
            EntityModel<T> model, io.retort.sql.Select select, int batch, List<io.retort.orm.LoaderOption> options) {
        List<RelationshipModel> eager = new ArrayList<>();
        for (RelationshipModel r : model.relationships()) {
            io.retort.orm.mapping.Strategy strategy = r.strategy();
            for (io.retort.orm.LoaderOption o : options) {
                io.retort.orm.LoaderOption.Step first = o.path().get(0);
                if (first.entity() == model.type() && first.relationship().equals(r.name())) {
                    strategy = first.strategy();
                }
            }
            if (strategy == io.retort.orm.mapping.Strategy.SELECTIN
                    || strategy == io.retort.orm.mapping.Strategy.JOINED) {
                eager.add(r);
            }
        }
        if (eager.isEmpty()) {
            return stream(model, select, batch);
        }
        WindowLoader loader =
                new SelectinWindowLoader(factory.engine(), statements.dialect().typeMap(), eager);
        return Streaming.stream(this, model, select, batch, loader);
    }

    @Override
    public <T> Flux<T> stream(EntityModel<T> model, io.retort.sql.Select select, int batch) {
        // issue 6: pass the query's eager loaders as a WindowLoader here (selectin per window of streamed parents)
        return Streaming.stream(this, model, select, batch, WindowLoader.NONE);
    }

    @Override
    public Flux<Row> rows(io.retort.sql.Select select, int fetchSize) {
        return op(() ->
                autoflush().thenMany(readConnection(select).flatMapMany(c -> c.execute(select, Map.of(), fetchSize))));
    }

    @Override
    public Flux<io.retort.orm.EntityRow> entityRows(io.retort.sql.Select select) {
        EntityRows entityRows = EntityRows.of(registry, select);
        return rows(select, 0).map(row -> entityRows.hydrate(this, row));
    }

    @Override
    public <T> io.retort.orm.BulkUpdate<T> bulkUpdate(Class<T> type) {
        return new io.retort.orm.BulkUpdate<>(new BulkOps(this), registry.model(type));
    }

    @Override
    public <T> io.retort.orm.BulkDelete<T> bulkDelete(Class<T> type) {
        return new io.retort.orm.BulkDelete<>(new BulkOps(this), registry.model(type));
    }

    @Override
    public <T> io.retort.orm.BulkInsert<T> bulkInsert(Class<T> type) {
        return new io.retort.orm.BulkInsert<>(new BulkOps(this), registry.model(type));
    }

    @Override
    public <R> Mono<R> scalar(io.retort.sql.Select select, Class<R> type) {
        return op(() -> autoflush().then(readConnection(select).flatMap(c -> c.scalar(select, type))))
                .next();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Flux<T> scalars(io.retort.sql.Select select) {
        EntityModel<?> model = entityOf(select);
        if (model != null) {
            return (Flux<T>) entities(model, select);
        }
        return execute(select).map(row -> (T) row.get(0));
    }

    /** The entity whose columns a select starts with, in attribute order, or {@code null}. */
    private EntityModel<?> entityOf(io.retort.sql.Select select) {
        List<io.retort.sql.ColumnElement<?>> cols = select.selectedColumns();
        if (cols.isEmpty() || !(cols.get(0) instanceof io.retort.schema.Column<?> first) || first.table() == null) {
            return null;
        }
        EntityModel<?> m = registry.modelOfTable(first.table());
        if (m == null || cols.size() < m.attributes().size()) {
            return null;
        }
        List<AttributeModel> attrs = m.attributes();
        for (int i = 0; i < attrs.size(); i++) {
            if (cols.get(i) != attrs.get(i).column()) {
                return null;
            }
        }
        return m;
    }

    @Override
    public Flux<Row> execute(io.retort.sql.Executable statement) {
        return execute(statement, Map.of());
    }

    @Override
    public Flux<Row> execute(io.retort.sql.Executable statement, Map<String, ?> parameters) {
        // read whole before emitting, so a subscriber can run session operations per row without waiting on itself
        // a plain SELECT is a read; anything else (DML, DDL, text) may write, so it runs in the transaction
        Mono<Connection> conn =
                statement instanceof io.retort.sql.Select select ? readConnection(select) : connection();
        // entities are hydrated inside the operation, while the session is still known to be open and its own
        EntityRows entityRows =
                statement instanceof io.retort.sql.Select select ? EntityRows.of(registry, select) : null;
        return op(() -> autoflush().then(conn.flatMap(c -> c.execute(statement, parameters)
                        .map(row -> entityRows == null ? row : (Row) entityRows.hydrate(this, row))
                        .collectList())))
                .next()
                .flatMapIterable(list -> list);
    }

    // ------------------------------------------------------------------ transactions and frames

    private Mono<Void> release() {
        Connection c = connection;
        connection = null;
        begun = false;
        return c == null ? Mono.empty() : c.close();
    }

    private synchronized void afterCommit() {
        for (Frame f : frames) {
            for (InstanceState s : f.deletedFlushed) {
                states.remove(s.object());
                detached.put(s.object(), Boolean.TRUE);
                s.state(ObjectState.DETACHED);
            }
        }
        frames.clear();
        frames.push(new Frame(null));
        if (factory.expireOnCommit()) {
            for (InstanceState s : states.values()) {
                if (s.state() == ObjectState.PERSISTENT) {
                    s.expired(true);
                }
            }
        }
    }

    private Mono<Void> doRollback() {
        return doRollback(true);
    }

    /**
     * Rolls back and puts the objects back as the database has them; {@code resetRelationships} is false when
     * the session is closing (its objects leave as they are, detached, and the session is closed).
     */
    private Mono<Void> doRollback(boolean resetRelationships) {
        Mono<Void> db = connection == null || !begun
                ? Mono.empty()
                : connection.rollback().onErrorResume(e -> Mono.empty());
        return db.then(Mono.defer(this::release)).then(Mono.fromRunnable(() -> {
            synchronized (this) {
                while (!frames.isEmpty()) {
                    undo(frames.pop());
                }
                if (resetRelationships) {
                    // the session goes on: objects must match the database again
                    restoreDirty();
                    resetRelationshipsAfterRollback();
                    frames.push(new Frame(null));
                } else {
                    // closing: the objects leave as they are, detached (SQLAlchemy's close()); O(1), they are
                    // kept as they are and answer state() as DETACHED from there
                    retired = states;
                    states = new IdentityHashMap<>(2); // mutable: a late hydration must not throw
                    identityMap = new HashMap<>(2);
                    closed = true;
                }
            }
        }));
    }

    private Mono<Void> releaseFrame(Frame f) {
        synchronized (this) {
            if (!frames.contains(f)) {
                return Mono.empty(); // the whole transaction was rolled back meanwhile
            }
        }
        return connection.releaseSavepoint(f.savepoint).then(Mono.fromRunnable(() -> {
            synchronized (this) {
                while (!frames.isEmpty() && frames.peek() != f) {
                    Frame inner = frames.pop();
                    frames.peek().absorb(inner);
                }
                frames.pop();
                frames.peek().absorb(f);
            }
        }));
    }

    private Mono<Void> rollbackFrame(Frame f) {
        synchronized (this) {
            if (!frames.contains(f) || connection == null) {
                return Mono.empty();
            }
        }
        return connection.rollbackToSavepoint(f.savepoint).then(Mono.fromRunnable(() -> {
            synchronized (this) {
                restoreDirty();
                while (!frames.isEmpty()) {
                    Frame top = frames.pop();
                    undo(top);
                    if (top == f) {
                        break;
                    }
                }
                resetRelationshipsAfterRollback();
            }
        }));
    }

    /**
     * After a rollback, relationships must not keep pointing at what was rolled back (or a later flush would write
     * it again): loaded collections of persistent objects are unloaded (SQLAlchemy expires them), objects that
     * left the session are taken out of pending objects' holders, and a persistent object whose to-one target left
     * gets its last flushed values back.
     */
    private void resetRelationshipsAfterRollback() {
        for (InstanceState s : new ArrayList<>(states.values())) {
            boolean persistent = s.key() != null && s.state() != ObjectState.PENDING;
            for (RelationshipModel r : s.model().relationships()) {
                Object h = r.holderOf(s.object());
                if (h instanceof io.retort.orm.LazyList<?> list && list.isLoaded()) {
                    if (persistent) {
                        list.unload();
                    } else {
                        for (Object t : list.snapshot()) {
                            if (!states.containsKey(t)) {
                                list.removeQuietly(t);
                            }
                        }
                    }
                } else if (h instanceof io.retort.orm.Lazy<?> lazy
                        && lazy.isLoaded()
                        && lazy.get() != null
                        && !states.containsKey(lazy.get())) {
                    if (persistent) {
                        s.restoreSnapshot();
                    } else {
                        lazy.fill(null);
                    }
                }
            }
        }
    }

    /** Unflushed changes of persistent objects go back to their last flushed values. */
    private void restoreDirty() {
        for (InstanceState s : states.values()) {
            if (s.state() == ObjectState.PERSISTENT && s.changedAttributes().length > 0) {
                s.restoreSnapshot();
            }
        }
    }

    /** Puts the objects back as they were before {@code f} began. */
    private void undo(Frame f) {
        for (InstanceState s : f.inserted) {
            if (s.key() != null && identityMap.get(s.key()) == s) {
                identityMap.remove(s.key());
            }
            s.key(null);
            s.state(ObjectState.PENDING);
            Object[] assigned = f.assigned.get(s);
            if (assigned != null) {
                List<AttributeModel> attrs = s.model().attributes();
                for (int i = 0; i < attrs.size(); i++) {
                    AttributeModel a = attrs.get(i);
                    if (a.isId() || a.isVersion()) {
                        a.set(s.object(), assigned[i]);
                    }
                }
            }
        }
        for (InstanceState s : f.added) {
            states.remove(s.object());
            if (s.key() != null && identityMap.get(s.key()) == s) {
                identityMap.remove(s.key());
            }
            s.state(ObjectState.TRANSIENT);
        }
        for (InstanceState s : f.deleted) {
            if (states.containsKey(s.object())) {
                s.state(ObjectState.PERSISTENT);
                if (s.key() != null) {
                    identityMap.put(s.key(), s);
                }
            }
        }
        f.before.forEach((s, values) -> {
            List<AttributeModel> attrs = s.model().attributes();
            for (int i = 0; i < attrs.size(); i++) {
                attrs.get(i).set(s.object(), values[i]);
            }
            s.takeSnapshot();
        });
    }

    // ------------------------------------------------------------------ loading

    private Mono<Void> autoflush() {
        synchronized (this) {
            if (!factory.autoflush() || noAutoflush > 0 || states.isEmpty()) {
                return Mono.empty();
            }
        }
        return doFlush();
    }

    private <T> Flux<T> load(EntityModel<T> model, List<Object> idValues, boolean overwrite) {
        TextClause select = statements.selectById(model);
        Object[] values = new Object[idValues.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = model.ids().get(i).toColumnValue(idValues.get(i));
        }
        Map<String, Object> params = Params.of(values);
        return readConnection(null)
                .flatMapMany(c -> c.execute(select, params))
                .map(row -> hydrate(model, row, overwrite));
    }

    /** The object for a row: the one in the identity map (refreshed when expired), or a new persistent one. */
    public synchronized <T> T hydrate(EntityModel<T> model, Row row, boolean overwrite) {
        return hydrate(model, row, 0, overwrite);
    }

    /** As {@link #hydrate(EntityModel, Row, boolean)}, reading the entity's columns from {@code offset} on. */
    public synchronized <T> T hydrate(EntityModel<T> model, Row row, int offset, boolean overwrite) {
        List<AttributeModel> attrs = model.attributes();
        Object[] values = new Object[attrs.size()];
        io.retort.dialect.TypeMap types = statements.dialect().typeMap();
        for (int i = 0; i < values.length; i++) {
            AttributeModel a = attrs.get(i);
            values[i] = a.fromColumnValue(types.fromDriver(a.storageType(), row.get(offset + i)));
        }
        int[] idAt = model.idPositions();
        Object id;
        if (idAt.length == 1) {
            id = values[idAt[0]];
        } else {
            Object[] parts = new Object[idAt.length];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = values[idAt[i]];
            }
            id = List.of(parts);
        }
        EntityKey key = new EntityKey(model.type(), id);
        InstanceState s = identityMap.get(key);
        if (s != null) {
            if (overwrite) {
                for (int i = 0; i < values.length; i++) {
                    attrs.get(i).set(s.object(), values[i]);
                }
                s.takeSnapshot();
            } else if (s.isExpired()) {
                // reload what the application did not change since; keep (and keep dirty) what it did
                for (int i = 0; i < values.length; i++) {
                    if (!s.hasSnapshot()
                            || InstanceState.same(
                                    s.snapshotValue(i), attrs.get(i).get(s.object()))) {
                        attrs.get(i).set(s.object(), values[i]);
                    }
                }
                s.snapshot(values);
            }
            return model.type().cast(s.object());
        }
        Map<String, Object> byName = null;
        if (!model.constructorParameters().isEmpty()) {
            byName = new HashMap<>();
            for (int i = 0; i < values.length; i++) {
                byName.put(attrs.get(i).name(), values[i]);
            }
        }
        T obj = model.newInstance(byName);
        for (int i = 0; i < values.length; i++) {
            attrs.get(i).set(obj, values[i]);
        }
        s = new InstanceState(obj, model, ObjectState.PERSISTENT);
        s.key(key);
        relationships.bind(s, true);
        s.adoptSnapshot(values); // the decoded row is the clean state: no need to read the fields back
        states.put(obj, s);
        identityMap.put(key, s); // a new object: it cannot be among the detached ones
        return obj;
    }

    // ------------------------------------------------------------------ flush

    private Mono<Void> doFlush() {
        return relationships.prepareFlush().then(Mono.defer(this::flushPlanned));
    }

    /** The primary key a persistent object was loaded or inserted with (what its UPDATE/DELETE must match). */
    private static List<Object> keyValues(InstanceState s) {
        return s.key().values();
    }

    /** Primary keys are identities here: changing one of a persistent object is refused, naming it. */
    private synchronized void checkIdsUnchanged() {
        for (InstanceState s : states.values()) {
            if ((s.state() == ObjectState.PERSISTENT || s.state() == ObjectState.DELETED) && s.key() != null) {
                EntityKey now = EntityKey.of(s.model(), s.object());
                if (!s.key().equals(now)) {
                    throw new InvalidRequestException("The primary key of a persistent "
                            + s.model().type().getSimpleName()
                            + " changed from " + s.key().values() + " to " + (now == null ? "null" : now.values())
                            + "; Retort does not update primary keys: delete the object and add a new one");
                }
            }
        }
    }

    private Mono<Void> flushPlanned() {
        checkIdsUnchanged();
        FlushPlan plan;
        synchronized (this) {
            List<InstanceState> pending = new ArrayList<>();
            List<InstanceState> persistent = new ArrayList<>();
            List<InstanceState> deleted = new ArrayList<>();
            for (InstanceState s : states.values()) {
                switch (s.state()) {
                    case PENDING -> pending.add(s);
                    case PERSISTENT -> persistent.add(s);
                    case DELETED -> {
                        if (identityMap.get(s.key()) == s) {
                            deleted.add(s); // not yet flushed
                        }
                    }
                    default -> {}
                }
            }
            pending.sort(java.util.Comparator.comparingLong(InstanceState::sequence)); // the order objects were added
            plan = FlushPlan.plan(registry.flushOrder(), pending, persistent, deleted);
        }
        if (plan.isEmpty()) {
            return relationships.writeAssociations(connection()).onErrorResume(e -> doRollback()
                    .then(Mono.error(e)));
        }
        List<InstanceState> deleting = new ArrayList<>();
        for (FlushPlan.DeleteGroup g : plan.deletes()) {
            deleting.addAll(g.rows());
        }
        return connection()
                .flatMap(c -> Flux.concat(
                                Flux.fromIterable(plan.inserts()).concatMap(g -> insert(c, g)
                                        .onErrorMap(e -> flushError(e, "INSERT", g.model()))),
                                Flux.fromIterable(plan.updates()).concatMap(g -> update(c, g)
                                        .onErrorMap(e -> flushError(e, "UPDATE", g.model()))),
                                Mono.defer(() -> relationships.writeAssociations(Mono.just(c))),
                                relationships.deleteAssociationsOf(c, deleting),
                                Flux.fromIterable(plan.deletes()).concatMap(g -> delete(c, g)
                                        .onErrorMap(e -> flushError(e, "DELETE", g.model()))))
                        .then())
                .onErrorResume(e -> rollbackAfterFailedFlush().then(Mono.error(e)));
    }

    /**
     * A failed flush rolls back the transaction, or, inside a savepoint, only that savepoint (SQLAlchemy's
     * behaviour): work flushed before the savepoint stays.
     */
    private Mono<Void> rollbackAfterFailedFlush() {
        Frame innermost;
        synchronized (this) {
            innermost = frames.size() > 1 ? frames.peek() : null;
        }
        return innermost == null ? doRollback() : rollbackFrame(innermost);
    }

    /** A constraint violation of the flush, named by statement kind, entity and table; the driver's message keeps the constraint. */
    private static Throwable flushError(Throwable e, String what, EntityModel<?> model) {
        if (e instanceof IntegrityViolationException iv) {
            return new IntegrityViolationException(
                    "Flush failed (" + what + " of " + model.type().getSimpleName() + ", table " + model.tableName()
                            + "); the transaction was rolled back: "
                            + (iv.getCause() != null ? iv.getCause().getMessage() : iv.getMessage()),
                    iv.sql(),
                    iv.sqlState(),
                    iv);
        }
        return e;
    }

    private Mono<Void> insert(Connection c, FlushPlan.InsertGroup g) {
        EntityModel<?> m = g.model();
        Frame frame;
        boolean assigns = m.version() != null;
        for (AttributeModel a : m.attributes()) {
            assigns |= a.generation() != null;
        }
        synchronized (this) {
            frame = frames.peek();
            for (InstanceState s : g.rows()) {
                if (assigns) { // what the flush gives the object (ids, versions), put back if it rolls back
                    frame.assigned(s, values(s));
                }
                prepareInsert(s);
            }
        }
        // a row whose parent (same table) is new in this flush waits for the parent's generated id: levels
        return Flux.fromIterable(selfReferenceLevels(g.rows()))
                .concatMap(level -> Flux.defer(() -> insertLevel(c, m, level, frame)))
                .then();
    }

    private static List<List<InstanceState>> selfReferenceLevels(List<InstanceState> rows) {
        boolean selfReferencing = false;
        for (RelationshipModel r : rows.get(0).model().relationships()) {
            selfReferencing |= r.kind == RelationshipModel.Kind.MANY_TO_ONE && r.target == r.owner;
        }
        if (!selfReferencing) {
            return List.of(rows); // no row can wait for another of its table: one level
        }
        Map<Object, InstanceState> byObject = new IdentityHashMap<>();
        for (InstanceState s : rows) {
            byObject.put(s.object(), s);
        }
        Map<InstanceState, Integer> level = new IdentityHashMap<>();
        int max = 0;
        for (InstanceState s : rows) {
            max = Math.max(max, levelOf(s, byObject, level, 0));
        }
        List<List<InstanceState>> out = new ArrayList<>();
        for (int i = 0; i <= max; i++) {
            out.add(new ArrayList<>());
        }
        for (InstanceState s : rows) {
            out.get(level.get(s)).add(s);
        }
        return out;
    }

    private static int levelOf(
            InstanceState s, Map<Object, InstanceState> byObject, Map<InstanceState, Integer> level, int depth) {
        Integer known = level.get(s);
        if (known != null) {
            return known;
        }
        level.put(s, 0); // guards against cycles
        int l = 0;
        if (depth < 10_000) {
            for (Object parent : Relationships.pendingParents(s, byObject.keySet())) {
                InstanceState ps = byObject.get(parent);
                if (ps != null && ps != s) {
                    l = Math.max(l, levelOf(ps, byObject, level, depth + 1) + 1);
                }
            }
        }
        level.put(s, l);
        return l;
    }

    private Mono<Void> insertLevel(Connection c, EntityModel<?> m, List<InstanceState> rowsOfLevel, Frame frame) {
        // rows of one shape (which generated ids are still null) go in one statement
        Map<List<AttributeModel>, List<InstanceState>> shapes = new LinkedHashMap<>();
        boolean generated = false;
        for (AttributeModel a : m.attributes()) {
            generated |= a.generation() != null && a.generation() != GenerationType.UUID;
        }
        if (!generated) { // every row inserts every insertable column: one shape
            List<AttributeModel> cols = new ArrayList<>();
            for (AttributeModel a : m.attributes()) {
                if (a.isInsertable()) {
                    cols.add(a);
                }
            }
            shapes.put(cols, rowsOfLevel);
        }
        for (InstanceState s : generated ? rowsOfLevel : List.<InstanceState>of()) {
            List<AttributeModel> cols = new ArrayList<>();
            for (AttributeModel a : m.attributes()) {
                boolean generatedNull =
                        a.generation() != null && a.generation() != GenerationType.UUID && a.get(s.object()) == null;
                if (a.isInsertable() && !generatedNull) {
                    cols.add(a);
                }
            }
            shapes.computeIfAbsent(cols, k -> new ArrayList<>()).add(s);
        }
        return Flux.fromIterable(shapes.entrySet())
                .concatMap(e -> insertShape(c, m, e.getKey(), e.getValue(), frame))
                .then();
    }

    private Mono<Void> insertShape(
            Connection c, EntityModel<?> m, List<AttributeModel> cols, List<InstanceState> rows, Frame frame) {
        List<AttributeModel> returning = new ArrayList<>();
        List<AttributeModel> sequenced = new ArrayList<>();
        for (AttributeModel a : m.attributes()) {
            if (!cols.contains(a)) {
                returning.add(a); // generated ids and server-filled (non-insertable) columns
                if (a.generation() == GenerationType.SEQUENCE) {
                    sequenced.add(a);
                }
            }
        }
        List<Map<String, Object>> params = new ArrayList<>(rows.size());
        for (InstanceState s : rows) {
            Object[] p = new Object[cols.size()];
            for (int i = 0; i < p.length; i++) {
                AttributeModel a = cols.get(i);
                p[i] = a.toColumnValue(a.get(s.object()));
            }
            params.add(Params.of(p));
        }
        TextClause stmt = statements.insert(m, sequenced, cols, returning);
        Mono<Void> write;
        if (returning.isEmpty()) {
            write = c.executeUpdate(stmt, params).then();
        } else {
            int[] index = {0};
            write = c.executeMany(stmt, params)
                    .doOnNext(row -> {
                        InstanceState s = rows.get(index[0]++);
                        for (int i = 0; i < returning.size(); i++) {
                            AttributeModel a = returning.get(i);
                            a.set(
                                    s.object(),
                                    a.fromColumnValue(
                                            statements.dialect().typeMap().fromDriver(a.storageType(), row.get(i))));
                        }
                    })
                    .then();
        }
        return write.then(Mono.fromRunnable(() -> {
            synchronized (this) {
                for (InstanceState s : rows) {
                    s.key(EntityKey.of(m, s.object()));
                    s.state(ObjectState.PERSISTENT);
                    s.takeSnapshot();
                    identityMap.put(s.key(), s);
                    frame.inserted(s);
                }
            }
        }));
    }

    private static Object[] values(InstanceState s) {
        List<AttributeModel> attrs = s.model().attributes();
        Object[] v = new Object[attrs.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = attrs.get(i).get(s.object());
        }
        return v;
    }

    private static void prepareInsert(InstanceState s) {
        for (AttributeModel a : s.model().attributes()) {
            Object v = a.get(s.object());
            if (a.generation() == GenerationType.UUID && v == null) {
                UUID u = Uuids.random();
                a.set(s.object(), a.javaType() == String.class ? u.toString() : u);
            } else if (a.isId() && a.generation() == null && v == null) {
                throw new InvalidRequestException(
                        "Cannot insert " + s.model().type().getSimpleName() + ": its id attribute '" + a.name()
                                + "' is null and not @GeneratedValue; assign it before flushing");
            } else if (a.isVersion() && (v == null || ((Number) v).longValue() == 0)) {
                a.set(s.object(), versionValue(a, 1));
            }
        }
    }

    private static Object versionValue(AttributeModel a, long v) {
        Class<?> t = a.javaType();
        if (t == int.class || t == Integer.class) {
            return (int) v;
        }
        if (t == short.class || t == Short.class) {
            return (short) v;
        }
        return v;
    }

    private Mono<Void> update(Connection c, FlushPlan.UpdateGroup g) {
        EntityModel<?> m = g.model();
        List<AttributeModel> attrs = m.attributes();
        List<AttributeModel> sets = new ArrayList<>();
        for (int i : g.attributes()) {
            sets.add(attrs.get(i));
        }
        AttributeModel version = m.version();
        List<Map<String, Object>> params = new ArrayList<>(g.rows().size());
        int width = m.ids().size() + (version == null ? 0 : 1) + sets.size();
        for (InstanceState s : g.rows()) {
            Object[] p = new Object[width];
            int k = 0;
            List<Object> key = keyValues(s);
            for (int i = 0; i < m.ids().size(); i++) {
                p[k++] = m.ids().get(i).toColumnValue(key.get(i));
            }
            if (version != null) {
                p[k++] = version.get(s.object());
            }
            for (AttributeModel a : sets) {
                p[k++] = a.toColumnValue(a.get(s.object()));
            }
            params.add(Params.of(p));
        }
        TextClause stmt = statements.updateByKey(m, sets);
        return c.executeUpdate(stmt, params).flatMap(count -> {
            if (count != g.rows().size()) {
                return stale(c, m, "UPDATE", g.rows(), count);
            }
            synchronized (this) {
                Frame frame = frames.peek();
                for (InstanceState s : g.rows()) {
                    if (!frame.before.containsKey(s)) {
                        frame.before(s, snapshotValues(s));
                    }
                    if (version != null) {
                        long v = ((Number) version.get(s.object())).longValue();
                        version.set(s.object(), versionValue(version, v + 1));
                    }
                    s.takeSnapshot();
                }
            }
            return Mono.empty();
        });
    }

    private static Object[] snapshotValues(InstanceState s) {
        Object[] v = new Object[s.model().attributes().size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = s.snapshotValue(i);
        }
        return v;
    }

    private Mono<Void> delete(Connection c, FlushPlan.DeleteGroup g) {
        EntityModel<?> m = g.model();
        Mono<Long> write;
        if (m.ids().size() == 1 && m.version() == null) {
            List<Mono<Long>> chunks = new ArrayList<>();
            int chunk = Math.max(1, Math.min(1000, statements.dialect().maxBindParameters()));
            for (int from = 0; from < g.rows().size(); from += chunk) {
                List<InstanceState> part =
                        g.rows().subList(from, Math.min(g.rows().size(), from + chunk));
                Object[] p = new Object[part.size()];
                AttributeModel id = m.ids().get(0);
                for (int i = 0; i < p.length; i++) {
                    p[i] = id.toColumnValue(part.get(i).key().id());
                }
                chunks.add(c.executeUpdate(statements.deleteIn(m, part.size()), Params.of(p)));
            }
            write = Flux.concat(chunks).reduce(0L, Long::sum);
        } else {
            List<Map<String, Object>> params = new ArrayList<>();
            for (InstanceState s : g.rows()) {
                Object[] p = new Object[m.ids().size() + (m.version() != null ? 1 : 0)];
                int k = 0;
                List<Object> key = keyValues(s);
                for (int i = 0; i < m.ids().size(); i++) {
                    p[k++] = m.ids().get(i).toColumnValue(key.get(i));
                }
                if (m.version() != null) {
                    p[k] = m.version().get(s.object());
                }
                params.add(Params.of(p));
            }
            write = c.executeUpdate(statements.deleteByKey(m), params);
        }
        return write.flatMap(count -> {
            if (count != g.rows().size()) {
                return stale(c, m, "DELETE", g.rows(), count);
            }
            synchronized (this) {
                Frame frame = frames.peek();
                for (InstanceState s : g.rows()) {
                    identityMap.remove(s.key());
                    frame.deletedFlushed(s);
                }
            }
            return Mono.empty();
        });
    }

    /** Finds the stale rows of a failed batch (by id and version) and fails with them named. */
    private Mono<Void> stale(Connection c, EntityModel<?> m, String what, List<InstanceState> rows, long matched) {
        String head = what + " of " + m.type().getSimpleName() + " (table " + m.tableName() + ") expected to match "
                + rows.size() + " row(s) but matched " + matched;
        if (m.ids().size() != 1) {
            return Mono.error(new StaleDataException(head + "; another transaction changed or deleted them"));
        }
        AttributeModel id = m.ids().get(0);
        Map<String, Object> p = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            p.put("p" + i, id.toColumnValue(keyValues(rows.get(i)).get(0)));
        }
        return c.execute(statements.versionsOf(m, rows.size()), p)
                .collectMap(r -> id.fromColumnValue(r.get(0)), r -> m.version() == null ? "" : String.valueOf(r.get(1)))
                .flatMap(found -> {
                    List<String> staleIds = new ArrayList<>();
                    for (InstanceState s : rows) {
                        Object key = keyValues(s).get(0);
                        String dbVersion = found.get(key);
                        boolean gone = !found.containsKey(key);
                        boolean changed = m.version() != null
                                && dbVersion != null
                                && !dbVersion.equals(String.valueOf(m.version().get(s.object())));
                        if (gone || changed) {
                            staleIds.add(key
                                    + (gone
                                            ? " (deleted)"
                                            : " (version " + m.version().get(s.object()) + " is now " + dbVersion
                                                    + ")"));
                        }
                    }
                    return Mono.error(
                            new StaleDataException(
                                    head + "; stale " + m.type().getSimpleName() + " id(s): "
                                            + (staleIds.isEmpty() ? "unknown" : String.join(", ", staleIds))
                                            + ". Another transaction changed or deleted them; the transaction was rolled back"));
                });
    }

    // ------------------------------------------------------------------ hooks for queries, streaming and bulk work
    // (used by the classes in io.retort.orm.internal; the logic lives there)

    /**
     * Runs {@code work} alone on the session's connection and transaction, after an autoflush when
     * {@code flushFirst}.
     */
    public <T> Flux<T> run(boolean flushFirst, Function<Connection, ? extends Publisher<T>> work) {
        return op(() -> (flushFirst ? autoflush() : Mono.<Void>empty())
                .thenMany(connection().flatMapMany(c -> Flux.from(work.apply(c)))));
    }

    /**
     * Runs the read {@code select} alone on the session's connection after an autoflush, inside the transaction
     * only when one has begun (see {@link io.retort.orm.Autobegin}).
     */
    public <T> Flux<T> runRead(io.retort.sql.Select select, Function<Connection, ? extends Publisher<T>> work) {
        return op(() -> autoflush().thenMany(readConnection(select).flatMapMany(c -> Flux.from(work.apply(c)))));
    }

    /** The mapping. */
    public MapperRegistry registry() {
        return registry;
    }

    /** The persistent (loaded, not deleted) objects of {@code model} in the identity map. */
    public synchronized <T> List<T> persistentObjects(EntityModel<T> model) {
        List<T> out = new ArrayList<>();
        for (InstanceState s : identityMap.values()) {
            if (s.model() == model && s.state() == ObjectState.PERSISTENT) {
                out.add(model.type().cast(s.object()));
            }
        }
        return out;
    }

    /** The tracked object with this identity, or {@code null}. */
    public synchronized Object identity(EntityKey key) {
        InstanceState s = identityMap.get(key);
        return s == null ? null : s.object();
    }

    /**
     * Writes values a bulk UPDATE gave a persistent object's row into the object, as clean (its snapshot follows,
     * so no UPDATE is flushed for them); a rollback restores the previous values.
     */
    public synchronized void applyWritten(Object entity, Map<AttributeModel, Object> values) {
        InstanceState s = states.get(entity);
        if (s == null) {
            return;
        }
        Frame top = frames.peek();
        if (!top.before.containsKey(s)) {
            top.before(s, snapshotValues(s));
        }
        List<AttributeModel> attrs = s.model().attributes();
        for (Map.Entry<AttributeModel, Object> e : values.entrySet()) {
            e.getKey().set(entity, e.getValue());
            s.snapshotValue(attrs.indexOf(e.getKey()), e.getValue());
        }
    }

    /** Marks a persistent object whose row a bulk DELETE removed: DELETED now, DETACHED after commit. */
    public synchronized void markDeletedInDatabase(Object entity) {
        InstanceState s = states.get(entity);
        if (s == null || s.state() != ObjectState.PERSISTENT) {
            return;
        }
        s.state(ObjectState.DELETED);
        identityMap.remove(s.key());
        Frame f = frames.peek();
        f.deleted(s);
        f.deletedFlushed(s);
    }
}
