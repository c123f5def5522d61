package io.retort.orm.internal;

import io.retort.core.Connection;
import io.retort.core.Row;
import io.retort.orm.Lazy;
import io.retort.orm.LazyList;
import io.retort.orm.LoaderOption;
import io.retort.orm.ObjectState;
import io.retort.orm.mapping.Cascade;
import io.retort.orm.mapping.Strategy;
import io.retort.schema.Column;
import io.retort.sql.ColumnElement;
import io.retort.sql.Select;
import io.retort.sql.Sql;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * The relationship side of a session: binding holders, keeping both sides in sync, loading (selectin, lazy
 * with coalescing, raise, noload), cascades at flush, orphans, and association-table rows.
 */
final class Relationships {
    /** Keys per IN (...) list of a loader statement. */
    static final int BATCH = 500;
    /** How long a lazy fetch waits for others of the same relationship to join its statement. */
    static final Duration COALESCE_WINDOW = Duration.ofMillis(5);
    /** The longest a lazy fetch waits for others to join. */
    static final Duration COALESCE_MAX = Duration.ofMillis(100);

    private final DefaultSession session;
    private final Map<RelationshipModel, Pending> pending = new HashMap<>();
    /** Persistent children removed from a delete-orphan collection, checked at flush. */
    private final Set<InstanceState> orphanCandidates = java.util.Collections.newSetFromMap(new IdentityHashMap<>(4));

    private static final class Pending {
        final Set<InstanceState> owners = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        final Sinks.Empty<Void> done = Sinks.empty();
        volatile long lastAdd;
    }

    /**
     * Completes once no fetch has joined the batch for {@link #COALESCE_WINDOW} (or after {@link #COALESCE_MAX}),
     * so a burst of fetches subscribed together (a flatMap over parents) forms one batch even on a busy machine.
     */
    private Mono<Void> quiet(Pending batch, long started) {
        return Mono.delay(COALESCE_WINDOW, Schedulers.parallel()).then(Mono.defer(() -> {
            long now = System.nanoTime();
            boolean settled = now - batch.lastAdd >= COALESCE_WINDOW.toNanos();
            boolean tooLong = now - started >= COALESCE_MAX.toNanos();
            return settled || tooLong ? Mono.<Void>empty() : quiet(batch, started);
        }));
    }

    Relationships(DefaultSession session) {
        this.session = session;
    }

    // ------------------------------------------------------------------ holders and bindings

    /** Makes sure every relationship field of a tracked object holds a holder bound to this session. */
    void bind(InstanceState s, boolean loadedFromRow) {
        Object o = s.object();
        for (RelationshipModel r : s.model().relationships()) {
            Object h = r.holderOf(o);
            switch (r.holder) {
                case LAZY -> {
                    Lazy<?> lazy = (Lazy<?>) h;
                    if (lazy == null) {
                        lazy = Lazy.empty();
                        if (loadedFromRow && r.kind != RelationshipModel.Kind.MANY_TO_ONE) {
                            lazy.unload(null);
                        }
                        r.setHolder(o, lazy);
                    } else if (loadedFromRow
                            && r.kind != RelationshipModel.Kind.MANY_TO_ONE
                            && lazy.binding() == null) {
                        lazy.unload(null);
                    }
                    if (lazy.binding() == null) {
                        lazy.bind(new Binding(s, r));
                    }
                }
                case LAZY_LIST -> {
                    LazyList<?> list = (LazyList<?>) h;
                    if (list == null) {
                        list = LazyList.empty();
                        r.setHolder(o, list);
                        if (loadedFromRow) {
                            list.unload();
                        }
                    } else if (loadedFromRow && list.binding() == null) {
                        list.unload();
                    }
                    if (list.binding() == null) {
                        list.bind(new Binding(s, r));
                    }
                }
                case PLAIN_LIST -> {
                    if (h == null && !loadedFromRow) {
                        r.setHolder(o, new ArrayList<>());
                    }
                }
            }
            if (!loadedFromRow && r.kind == RelationshipModel.Kind.MANY_TO_MANY && s.m2m(r) == null) {
                s.m2m(r, new LinkedHashSet<>());
            }
        }
    }

    /** The holder binding of one relationship of one tracked object. */
    final class Binding implements HolderBinding {
        final InstanceState owner;
        final RelationshipModel rel;
        volatile boolean raise;

        Binding(InstanceState owner, RelationshipModel rel) {
            this.owner = owner;
            this.rel = rel;
        }

        @Override
        public String describe() {
            return rel.toString();
        }

        @Override
        public boolean raise() {
            return raise;
        }

        @Override
        public Mono<Void> load() {
            if (raise) {
                return Mono.error(raiseError(rel));
            }
            return session.whenUsable(owner, rel).then(coalescedLoad(rel, owner));
        }

        @Override
        public Object loadedTarget(Object foreignKey) {
            if (foreignKey == null || rel.target == null) {
                return null;
            }
            return session.identity(rel.target, identityKey(rel, foreignKey));
        }

        @Override
        public void toOneChanged(Object oldTarget, Object newTarget) {
            synchronized (session) {
                if (rel.kind == RelationshipModel.Kind.MANY_TO_ONE) {
                    detachFromInverse(rel, oldTarget, owner.object());
                    attachToInverse(rel, newTarget, owner.object());
                } else if (rel.inverse != null) { // inverse side of a one-to-one
                    if (oldTarget != null) {
                        lazyOf(rel.inverse, oldTarget).fill(null);
                    }
                    if (newTarget != null) {
                        lazyOf(rel.inverse, newTarget).fill(owner.object());
                    }
                }
                cascadeOnAttach(rel, newTarget);
            }
        }

        @Override
        public void added(Object target) {
            synchronized (session) {
                if (rel.kind == RelationshipModel.Kind.ONE_TO_MANY && rel.inverse != null) {
                    Lazy<Object> back = lazyOf(rel.inverse, target);
                    Object oldParent = back.isLoaded() ? back.get() : null;
                    if (oldParent != null && oldParent != owner.object()) {
                        listOf(rel, oldParent).ifPresent(l -> l.removeQuietly(target));
                    }
                    back.fill(owner.object());
                    InstanceState ts = session.stateOf(target);
                    if (ts != null) {
                        orphanCandidates.remove(ts);
                    }
                } else if (rel.kind == RelationshipModel.Kind.MANY_TO_MANY && rel.inverse != null) {
                    listOf(rel.inverse, target).ifPresent(l -> l.addQuietly(owner.object()));
                }
                cascadeOnAttach(rel, target);
            }
        }

        @Override
        public void removed(Object target) {
            synchronized (session) {
                if (rel.kind == RelationshipModel.Kind.ONE_TO_MANY && rel.inverse != null) {
                    Lazy<Object> back = lazyOf(rel.inverse, target);
                    if (!back.isLoaded() || back.get() == owner.object()) {
                        back.fill(null);
                    }
                    InstanceState ts = session.stateOf(target);
                    if (rel.cascades(Cascade.DELETE_ORPHAN) && ts != null) {
                        orphanCandidates.add(ts);
                    }
                } else if (rel.kind == RelationshipModel.Kind.MANY_TO_MANY && rel.inverse != null) {
                    listOf(rel.inverse, target).ifPresent(l -> l.removeQuietly(owner.object()));
                }
            }
        }
    }

    private static io.retort.core.InvalidRequestException raiseError(RelationshipModel rel) {
        return new io.retort.core.InvalidRequestException(rel + " is not loaded and its loading strategy is raise"
                + " (raiseload): load it with selectinload/joinedload in the query instead of fetching it lazily");
    }

    private void cascadeOnAttach(RelationshipModel rel, Object target) {
        if (target != null && rel.cascades(Cascade.SAVE_UPDATE) && session.stateOf(target) == null) {
            session.add(target);
        }
    }

    private void detachFromInverse(RelationshipModel m2o, Object parent, Object child) {
        if (parent == null || m2o.inverse == null) {
            return;
        }
        if (m2o.inverse.holder == RelationshipModel.Holder.LAZY) {
            Lazy<Object> l = lazyOf(m2o.inverse, parent);
            if (l.isLoaded() && l.get() == child) {
                l.fill(null);
            }
        } else {
            listOf(m2o.inverse, parent).ifPresent(l -> l.removeQuietly(child));
        }
        InstanceState cs = session.stateOf(child);
        if (cs != null && m2o.inverse.cascades(Cascade.DELETE_ORPHAN)) {
            orphanCandidates.add(cs);
        }
    }

    private void attachToInverse(RelationshipModel m2o, Object parent, Object child) {
        if (parent == null || m2o.inverse == null) {
            return;
        }
        if (m2o.inverse.holder == RelationshipModel.Holder.LAZY) {
            Lazy<Object> l = lazyOf(m2o.inverse, parent);
            if (l.isLoaded()) {
                l.fill(child);
            }
        } else {
            listOf(m2o.inverse, parent).ifPresent(l -> l.addQuietly(child));
        }
        InstanceState cs = session.stateOf(child);
        if (cs != null) {
            orphanCandidates.remove(cs);
        }
    }

    @SuppressWarnings("unchecked")
    static Lazy<Object> lazyOf(RelationshipModel r, Object entity) {
        Lazy<Object> l = (Lazy<Object>) r.holderOf(entity);
        if (l == null) {
            l = Lazy.empty();
            r.setHolder(entity, l);
        }
        return l;
    }

    @SuppressWarnings("unchecked")
    static java.util.Optional<LazyList<Object>> listOf(RelationshipModel r, Object entity) {
        Object h = r.holderOf(entity);
        return h instanceof LazyList<?> l ? java.util.Optional.of((LazyList<Object>) l) : java.util.Optional.empty();
    }

    /** The loaded targets of a relationship of {@code entity} (empty when unloaded). */
    static List<Object> loadedTargets(RelationshipModel r, Object entity) {
        Object h = r.holderOf(entity);
        if (h instanceof Lazy<?> l) {
            return l.isLoaded() && l.get() != null ? List.of(l.get()) : List.of();
        }
        if (h instanceof LazyList<?> l) {
            return l.isLoaded() ? new ArrayList<>(l.snapshot()) : List.of();
        }
        if (h instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return List.of();
    }

    static boolean isLoaded(RelationshipModel r, Object entity) {
        Object h = r.holderOf(entity);
        if (h instanceof Lazy<?> l) {
            return l.isLoaded();
        }
        if (h instanceof LazyList<?> l) {
            return l.isLoaded();
        }
        return h != null;
    }

    // ------------------------------------------------------------------ loading

    /** A lazy load that waits a moment for other fetches of the same relationship, then loads them all at once. */
    Mono<Void> coalescedLoad(RelationshipModel rel, InstanceState owner) {
        return Mono.defer(() -> {
            Pending p;
            boolean first;
            synchronized (this) {
                p = pending.get(rel);
                first = p == null;
                if (first) {
                    p = new Pending();
                    pending.put(rel, p);
                }
                p.owners.add(owner);
                p.lastAdd = System.nanoTime();
            }
            if (first) {
                Pending batch = p;
                quiet(batch, System.nanoTime())
                        .then(Mono.defer(() -> {
                            List<InstanceState> owners;
                            synchronized (this) {
                                pending.remove(rel);
                                owners = new ArrayList<>(batch.owners);
                            }
                            return session.inOp(() -> session.autoflushNow().then(load(rel, owners, List.of(), 0)))
                                    .then();
                        }))
                        .subscribe(x -> {}, e -> batch.done.tryEmitError(e), () -> batch.done.tryEmitEmpty());
            }
            return p.done.asMono();
        });
    }

    /**
     * Applies the loading strategies (query options first, then each relationship's default) to freshly loaded
     * objects of {@code model}, recursively for what selectin loads.
     */
    Mono<Void> apply(EntityModel<?> model, List<?> objects, List<List<LoaderOption.Step>> paths, int depth) {
        if (objects.isEmpty() || depth > 4 || model.relationships().isEmpty()) {
            return Mono.empty();
        }
        if (paths.isEmpty()) {
            boolean allLazy = true;
            for (RelationshipModel r : model.relationships()) {
                allLazy &= r.strategy() == Strategy.LAZY;
            }
            if (allLazy) {
                return Mono.empty(); // nothing to load now (lazy holders were bound at hydration)
            }
        }
        List<InstanceState> owners = new ArrayList<>(objects.size());
        for (Object o : objects) {
            InstanceState s = session.stateOf(o);
            if (s != null) {
                owners.add(s);
            }
        }
        return Flux.fromIterable(model.relationships())
                .concatMap(r -> {
                    List<List<LoaderOption.Step>> matching = new ArrayList<>();
                    for (List<LoaderOption.Step> path : paths) {
                        LoaderOption.Step step = path.get(0);
                        if (step.entity() == model.type() && step.relationship().equals(r.name)) {
                            matching.add(path);
                        }
                    }
                    Strategy strategy = matching.isEmpty()
                            ? (depth == 0 || r.holder == RelationshipModel.Holder.PLAIN_LIST
                                    ? r.strategy
                                    : Strategy.LAZY)
                            : matching.get(0).get(0).strategy();
                    List<List<LoaderOption.Step>> rest = new ArrayList<>();
                    for (List<LoaderOption.Step> m : matching) {
                        if (m.size() > 1) {
                            rest.add(m.subList(1, m.size()));
                        }
                    }
                    return switch (strategy) {
                        case SELECTIN, JOINED -> load(r, owners, rest, depth);
                        case RAISE -> {
                            markRaise(r, owners);
                            yield Mono.<Void>empty();
                        }
                        case NOLOAD -> {
                            fillEmpty(r, owners);
                            yield Mono.<Void>empty();
                        }
                        case LAZY -> Mono.<Void>empty();
                    };
                })
                .then();
    }

    private void markRaise(RelationshipModel r, List<InstanceState> owners) {
        for (InstanceState s : owners) {
            Object h = r.holderOf(s.object());
            HolderBinding b = h instanceof Lazy<?> l ? l.binding() : h instanceof LazyList<?> l ? l.binding() : null;
            if (b instanceof Binding binding && !isLoaded(r, s.object())) {
                binding.raise = true;
            }
        }
    }

    private static void fillEmpty(RelationshipModel r, List<InstanceState> owners) {
        for (InstanceState s : owners) {
            if (!isLoaded(r, s.object())) {
                Object h = r.holderOf(s.object());
                if (h instanceof Lazy<?> l) {
                    l.fill(null);
                } else if (h instanceof LazyList<?> l) {
                    l.fill(List.of());
                }
            }
        }
    }

    /** Loads {@code rel} for the owners that do not have it loaded: one statement per batch of 500 keys. */
    Mono<Void> load(
            RelationshipModel rel, List<InstanceState> owners, List<List<LoaderOption.Step>> nested, int depth) {
        List<InstanceState> todo = new ArrayList<>();
        for (InstanceState s : owners) {
            if (!isLoaded(rel, s.object()) || rel.holder == RelationshipModel.Holder.PLAIN_LIST && depthFresh(s)) {
                todo.add(s);
            }
        }
        if (todo.isEmpty()) {
            return Mono.empty();
        }
        Mono<List<Object>> loaded =
                switch (rel.kind) {
                    case MANY_TO_ONE -> loadManyToOne(rel, todo);
                    case ONE_TO_MANY -> loadOneToMany(rel, todo);
                    case MANY_TO_MANY -> loadManyToMany(rel, todo);
                };
        return loaded.flatMap(children -> apply(rel.target, children, nested, depth + 1));
    }

    private static boolean depthFresh(InstanceState s) {
        return false;
    }

    private Mono<List<Object>> loadManyToOne(RelationshipModel rel, List<InstanceState> owners) {
        List<AttributeModel> targetIds = referenced(rel);
        Map<Object, List<InstanceState>> byKey = new LinkedHashMap<>();
        List<Object> found = new ArrayList<>();
        for (InstanceState s : owners) {
            Lazy<Object> l = lazyOf(rel, s.object());
            Object key = l.foreignKey();
            if (key == null || key instanceof List<?> parts && parts.contains(null)) {
                l.fill(null);
                continue;
            }
            Object known = session.identity(rel.target, identityKey(rel, key));
            if (known != null) {
                l.fill(known);
                found.add(known);
                continue;
            }
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        if (byKey.isEmpty()) {
            return Mono.just(found);
        }
        List<Object> keys = new ArrayList<>(byKey.keySet());
        return Flux.fromIterable(chunks(keys))
                .concatMap(chunk -> session.rows(selectOf(rel.target).where(keyIn(columnsOf(targetIds), chunk)))
                        .map(row -> session.hydrate(rel.target, row, 0, false)))
                .doOnNext(target -> {
                    Object key = keyOf(targetIds, target);
                    for (InstanceState s : byKey.getOrDefault(key, List.of())) {
                        lazyOf(rel, s.object()).fill(target);
                    }
                    byKey.remove(key);
                    found.add(target);
                })
                .then(Mono.fromSupplier(() -> {
                    for (List<InstanceState> dangling : byKey.values()) {
                        for (InstanceState s : dangling) {
                            lazyOf(rel, s.object()).fill(null);
                        }
                    }
                    return found;
                }));
    }

    private Mono<List<Object>> loadOneToMany(RelationshipModel rel, List<InstanceState> owners) {
        RelationshipModel back = rel.inverse;
        List<AttributeModel> ownerIds = referenced(back);
        Map<Object, InstanceState> byId = new LinkedHashMap<>();
        for (InstanceState s : owners) {
            Object id = keyOf(ownerIds, s.object());
            if (id != null) {
                byId.put(id, s);
            }
        }
        Map<Object, List<Object>> children = new HashMap<>();
        List<Object> all = new ArrayList<>();
        return Flux.fromIterable(chunks(new ArrayList<>(byId.keySet())))
                .concatMap(chunk -> {
                    Select q = selectOf(rel.target).where(keyIn(columnsOf(back.foreignKeys), chunk));
                    if (rel.orderBy != null) {
                        q = orderBy(q, rel);
                    }
                    return session.rows(q).map(row -> {
                        Object child = session.hydrate(rel.target, row, 0, false);
                        Object parentId = fkValueInRow(rel.target, back.foreignKeys, row);
                        return new Object[] {parentId, child};
                    });
                })
                .doOnNext(pair -> {
                    children.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(pair[1]);
                    all.add(pair[1]);
                })
                .then(Mono.fromSupplier(() -> {
                    for (Map.Entry<Object, InstanceState> e : byId.entrySet()) {
                        Object owner = e.getValue().object();
                        List<Object> kids = children.getOrDefault(e.getKey(), List.of());
                        fill(rel, owner, kids);
                        for (Object kid : kids) {
                            Lazy<Object> l = lazyOf(back, kid);
                            if (!l.isLoaded()) {
                                l.fill(owner);
                            }
                        }
                    }
                    return all;
                }));
    }

    private Mono<List<Object>> loadManyToMany(RelationshipModel rel, List<InstanceState> owners) {
        boolean owning = rel.joinTable != null;
        RelationshipModel def = owning ? rel : rel.inverse;
        String ownerCol = owning ? def.joinTableOwnerColumn : def.joinTableTargetColumn;
        String targetCol = owning ? def.joinTableTargetColumn : def.joinTableOwnerColumn;
        AttributeModel ownerId = rel.owner.ids().get(0);
        AttributeModel targetId = rel.target.ids().get(0);
        Map<Object, InstanceState> byId = new LinkedHashMap<>();
        for (InstanceState s : owners) {
            Object id = ownerId.get(s.object());
            if (id != null) {
                byId.put(id, s);
            }
        }
        Map<Object, List<Object>> targets = new HashMap<>();
        List<Object> all = new ArrayList<>();
        io.retort.schema.Table assoc = def.association;
        return Flux.fromIterable(chunks(new ArrayList<>(byId.keySet())))
                .concatMap(chunk -> {
                    Select q = Sql.select(assoc.c(ownerCol), rel.target.type())
                            .from(rel.target.table())
                            .join(assoc, assoc.c(targetCol).eq(column(targetId)))
                            .where(assoc.c(ownerCol).in(chunk));
                    if (rel.orderBy != null) {
                        q = orderBy(q, rel);
                    }
                    return session.rows(q).map(row -> {
                        Object target = session.hydrate(rel.target, row, 1, false);
                        Object key = session.readValue(ownerId, row.get(0));
                        return new Object[] {key, target};
                    });
                })
                .doOnNext(pair -> {
                    targets.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(pair[1]);
                    all.add(pair[1]);
                })
                .then(Mono.fromSupplier(() -> {
                    for (Map.Entry<Object, InstanceState> e : byId.entrySet()) {
                        List<Object> ts = targets.getOrDefault(e.getKey(), List.of());
                        fill(rel, e.getValue().object(), ts);
                        Set<Object> ids = new LinkedHashSet<>();
                        for (Object t : ts) {
                            ids.add(targetId.get(t));
                        }
                        e.getValue().m2m(rel, ids);
                    }
                    return all;
                }));
    }

    /**
     * Parents and one relationship in a single statement: a LEFT OUTER JOIN (around the parent query as a derived
     * table when it has LIMIT/OFFSET, so the limit counts parents, not joined rows). Parents come back
     * de-duplicated, in their order.
     */
    <T> Mono<List<T>> joinedRead(EntityModel<T> model, Select select, RelationshipModel rel) {
        EntityModel<?> child = rel.target;
        List<AttributeModel> parentAttrs = model.attributes();
        List<AttributeModel> childAttrs = child.attributes();
        AttributeModel parentId = model.ids().get(0);
        AttributeModel childId = child.ids().get(0);
        boolean limited = select.limitValue() != null || select.offsetValue() != null;
        List<Object> cols = new ArrayList<>();
        Select q;
        if (!limited) {
            for (AttributeModel a : childAttrs) {
                cols.add(a.column());
            }
            ColumnElement<Boolean> on = rel.kind == RelationshipModel.Kind.ONE_TO_MANY
                    ? pairwiseEq(columnsOf(rel.inverse.foreignKeys), columnsOf(referenced(rel.inverse)))
                    : pairwiseEq(columnsOf(referenced(rel)), columnsOf(rel.foreignKeys));
            q = select.addColumns(cols.toArray(ColumnElement<?>[]::new)).outerJoin(child.table(), on);
        } else {
            io.retort.sql.Subquery sub = select.subquery("anon_1");
            for (AttributeModel a : parentAttrs) {
                cols.add(sub.c(a.column().name()));
            }
            for (AttributeModel a : childAttrs) {
                cols.add(a.column());
            }
            List<ColumnElement<?>> outerParent = new ArrayList<>();
            for (AttributeModel a :
                    rel.kind == RelationshipModel.Kind.ONE_TO_MANY ? referenced(rel.inverse) : rel.foreignKeys) {
                outerParent.add(sub.c(a.column().name()));
            }
            ColumnElement<Boolean> on = rel.kind == RelationshipModel.Kind.ONE_TO_MANY
                    ? pairwiseEq(columnsOf(rel.inverse.foreignKeys), outerParent)
                    : pairwiseEq(columnsOf(referenced(rel)), outerParent);
            q = Sql.select(cols.toArray()).from(sub).outerJoin(child.table(), on);
            List<Object> order = new ArrayList<>();
            for (io.retort.sql.OrderByElement o : select.orderByItems()) {
                ColumnElement<?> e = o.expression() instanceof io.retort.orm.metamodel.Attribute<?, ?> a
                        ? a.column()
                        : o.expression();
                if (e instanceof Column<?> c && c.table() == model.table()) {
                    ColumnElement<?> outer = sub.c(c.name());
                    order.add(o.ascending() ? outer.asc() : outer.desc());
                }
            }
            if (!order.isEmpty()) {
                q = q.orderBy(order.toArray());
            }
        }
        if (rel.orderBy != null) {
            q = orderBy(q, rel);
        }
        int offset = parentAttrs.size();
        int childIdIndex = offset + childAttrs.indexOf(childId);
        Map<Object, List<Object>> children = new IdentityHashMap<>();
        List<T> parents = new ArrayList<>();
        // the lock of the user's select (FOR UPDATE) may sit inside the derived table: begin for it all the same
        return session.rows(q, select)
                .doOnNext(row -> {
                    T parent = session.hydrate(model, row, 0, false);
                    List<Object> kids = children.get(parent);
                    if (kids == null) {
                        kids = new ArrayList<>();
                        children.put(parent, kids);
                        parents.add(parent);
                    }
                    if (row.get(childIdIndex) != null) {
                        Object kid = session.hydrate(child, row, offset, false);
                        if (!kids.contains(kid)) {
                            kids.add(kid);
                        }
                    }
                })
                .then(Mono.fromSupplier(() -> {
                    for (T parent : parents) {
                        List<Object> kids = children.get(parent);
                        if (!isLoaded(rel, parent) || rel.holder == RelationshipModel.Holder.PLAIN_LIST) {
                            fill(rel, parent, kids);
                        }
                        if (rel.kind == RelationshipModel.Kind.ONE_TO_MANY && rel.inverse != null) {
                            for (Object kid : kids) {
                                Lazy<Object> l = lazyOf(rel.inverse, kid);
                                if (!l.isLoaded()) {
                                    l.fill(parent);
                                }
                            }
                        }
                    }
                    return parents;
                }));
    }

    /** After a merge: the persistent object's relationship holds the merged targets. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void setMerged(RelationshipModel r, Object owner, List<Object> targets) {
        synchronized (session) {
            switch (r.holder) {
                case LAZY -> lazyOf(r, owner).fill(targets.isEmpty() ? null : targets.get(0));
                case LAZY_LIST -> {
                    Object h = r.holderOf(owner);
                    if (h == null) {
                        h = LazyList.empty();
                        r.setHolder(owner, h);
                    }
                    ((LazyList) h).fill(targets);
                }
                case PLAIN_LIST -> r.setHolder(owner, new ArrayList<>(targets));
            }
            if (r.kind == RelationshipModel.Kind.ONE_TO_MANY && r.inverse != null) {
                for (Object t : targets) {
                    lazyOf(r.inverse, t).fill(owner);
                }
            }
        }
    }

    private Object fkValueInRow(EntityModel<?> model, List<AttributeModel> fks, Row row) {
        if (fks.size() == 1) {
            return session.readValue(fks.get(0), row.get(model.attributes().indexOf(fks.get(0))));
        }
        List<Object> key = new ArrayList<>();
        for (AttributeModel fk : fks) {
            key.add(session.readValue(fk, row.get(model.attributes().indexOf(fk))));
        }
        return java.util.Collections.unmodifiableList(key);
    }

    /** A many-to-one's foreign-key value as the target's identity key (components in the target's id order). */
    static Object identityKey(RelationshipModel m2o, Object fk) {
        if (!(fk instanceof List<?> parts)) {
            return fk;
        }
        Object[] ordered = new Object[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            ordered[m2o.foreignKeys.get(i).component()] = parts.get(i);
        }
        return List.of(ordered);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void fill(RelationshipModel rel, Object owner, List<Object> values) {
        Object h = rel.holderOf(owner);
        switch (rel.holder) {
            case LAZY -> lazyOf(rel, owner).fill(values.isEmpty() ? null : values.get(0));
            case LAZY_LIST -> {
                if (h == null) {
                    h = LazyList.empty();
                    rel.setHolder(owner, h);
                }
                ((LazyList) h).fill(values);
            }
            case PLAIN_LIST -> rel.setHolder(owner, new ArrayList<>(values));
        }
    }

    static Select orderBy(Select q, RelationshipModel rel) {
        boolean desc = rel.orderBy.startsWith("-");
        ColumnElement<?> c = column(rel.target.attribute(desc ? rel.orderBy.substring(1) : rel.orderBy));
        return q.orderBy(desc ? c.desc() : c.asc());
    }

    @SuppressWarnings("unchecked")
    static ColumnElement<Object> column(AttributeModel a) {
        return (Column<Object>) a.column();
    }

    /** The key of {@code entity} over {@code attrs}: the single value, or a list of the values. */
    static Object keyOf(List<AttributeModel> attrs, Object entity) {
        if (attrs.size() == 1) {
            return attrs.get(0).get(entity);
        }
        List<Object> key = new ArrayList<>(attrs.size());
        for (AttributeModel a : attrs) {
            key.add(a.get(entity));
        }
        return java.util.Collections.unmodifiableList(key);
    }

    /** {@code col IN (...)} for a single column; {@code (a = ? AND b = ?) OR ...} for a composite key. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static ColumnElement<Boolean> keyIn(List<? extends ColumnElement<?>> columns, List<Object> keys) {
        if (columns.size() == 1) {
            return ((ColumnElement<Object>) columns.get(0)).in(keys);
        }
        List<ColumnElement<Boolean>> ors = new ArrayList<>();
        for (Object key : keys) {
            List<?> parts = (List<?>) key;
            List<ColumnElement<Boolean>> ands = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                ands.add(((ColumnElement<Object>) columns.get(i)).eq(parts.get(i)));
            }
            ors.add(Sql.and(ands.toArray(ColumnElement[]::new)));
        }
        return Sql.or(ors.toArray(ColumnElement[]::new));
    }

    /**
     * {@code SELECT <the model's columns> FROM <its table>}, built from this factory's own model (not through
     * {@code select(Class)}, which resolves a class through the most recently built factory).
     */
    static Select selectOf(EntityModel<?> model) {
        return Sql.select(columnsOf(model.attributes()).toArray());
    }

    /** The columns of {@code attrs}. */
    static List<ColumnElement<?>> columnsOf(List<AttributeModel> attrs) {
        List<ColumnElement<?>> out = new ArrayList<>();
        for (AttributeModel a : attrs) {
            out.add(a.column());
        }
        return out;
    }

    /** The target id attributes a many-to-one's foreign keys refer to, in foreign-key order. */
    static List<AttributeModel> referenced(RelationshipModel m2o) {
        List<AttributeModel> out = new ArrayList<>();
        for (AttributeModel fk : m2o.foreignKeys) {
            out.add(m2o.target.ids().get(fk.component()));
        }
        return out;
    }

    /** {@code a.x = b.y AND ...} over two column lists. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static ColumnElement<Boolean> pairwiseEq(
            List<? extends ColumnElement<?>> left, List<? extends ColumnElement<?>> right) {
        List<ColumnElement<Boolean>> ands = new ArrayList<>();
        for (int i = 0; i < left.size(); i++) {
            ands.add(((ColumnElement<Object>) left.get(i)).eq(right.get(i)));
        }
        return ands.size() == 1 ? ands.get(0) : Sql.and(ands.toArray(ColumnElement[]::new));
    }

    static <T> List<List<T>> chunks(List<T> keys) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += BATCH) {
            out.add(keys.subList(i, Math.min(keys.size(), i + BATCH)));
        }
        return out;
    }

    // ------------------------------------------------------------------ flush: cascades, orphans, association rows

    /**
     * Before a flush: adds what save-update cascades reach, aligns both sides of loaded relationships, deletes
     * what delete cascades and delete-orphan reach (loading collections of deleted parents unless passive).
     */
    Mono<Void> prepareFlush() {
        synchronized (session) {
            cascadeSaveUpdate();
            for (InstanceState c : new ArrayList<>(orphanCandidates)) {
                if (c.state() == ObjectState.PERSISTENT || c.state() == ObjectState.PENDING) {
                    boolean orphan = true;
                    for (RelationshipModel r : c.model().relationships()) {
                        if (r.kind == RelationshipModel.Kind.MANY_TO_ONE
                                && r.inverse != null
                                && r.inverse.cascades(Cascade.DELETE_ORPHAN)
                                && lazyOf(r, c.object()).isLoaded()
                                && lazyOf(r, c.object()).get() != null) {
                            orphan = false;
                        }
                    }
                    if (orphan) {
                        session.delete(c.object());
                    }
                }
            }
            orphanCandidates.clear();
        }
        return cascadeDeletes(0);
    }

    private void cascadeSaveUpdate() {
        java.util.ArrayDeque<InstanceState> queue =
                new java.util.ArrayDeque<>(session.trackedStatesWithRelationships());
        Set<InstanceState> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        while (!queue.isEmpty()) {
            InstanceState s = queue.poll();
            if (!seen.add(s) || s.state() == ObjectState.DELETED) {
                continue;
            }
            for (RelationshipModel r : s.model().relationships()) {
                for (Object t : loadedTargets(r, s.object())) {
                    if (r.kind == RelationshipModel.Kind.ONE_TO_MANY && r.inverse != null) {
                        Lazy<Object> back = lazyOf(r.inverse, t);
                        if (!back.isLoaded() || back.get() != s.object()) {
                            back.fill(s.object());
                        }
                    }
                    InstanceState ts = session.stateOf(t);
                    if (ts == null && r.cascades(Cascade.SAVE_UPDATE)) {
                        session.add(t);
                        ts = session.stateOf(t);
                    }
                    if (ts != null) {
                        queue.add(ts);
                    }
                }
            }
        }
    }

    private Mono<Void> cascadeDeletes(int round) {
        Map<RelationshipModel, List<InstanceState>> toLoad = new LinkedHashMap<>();
        boolean changed = false;
        synchronized (session) {
            for (InstanceState s : session.trackedStatesWithRelationships()) {
                if (s.state() != ObjectState.DELETED || !session.unflushedDelete(s)) {
                    continue;
                }
                for (RelationshipModel r : s.model().relationships()) {
                    if (r.kind != RelationshipModel.Kind.ONE_TO_MANY) {
                        continue;
                    }
                    boolean cascade = r.cascades(Cascade.DELETE);
                    if (!isLoaded(r, s.object())) {
                        if (!r.passiveDeletes && round < 10) {
                            toLoad.computeIfAbsent(r, k -> new ArrayList<>()).add(s);
                        }
                        continue;
                    }
                    for (Object child : loadedTargets(r, s.object())) {
                        InstanceState cs = session.stateOf(child);
                        if (cs == null || cs.state() == ObjectState.DELETED) {
                            continue;
                        }
                        if (cascade || r.cascades(Cascade.DELETE_ORPHAN)) {
                            session.delete(child);
                            changed = true;
                        } else if (r.inverse != null) {
                            lazyOf(r.inverse, child).fill(null); // SQLAlchemy's default: the child's key is nulled
                        }
                    }
                }
            }
        }
        if (toLoad.isEmpty()) {
            return changed ? cascadeDeletes(round + 1) : Mono.empty();
        }
        return Flux.fromIterable(toLoad.entrySet())
                .concatMap(e -> load(e.getKey(), e.getValue(), List.of(), 10))
                .then(Mono.defer(() -> cascadeDeletes(round + 1)));
    }

    /** Association rows to insert and delete for the owning sides of loaded many-to-many collections. */
    Mono<Void> writeAssociations(Mono<Connection> connection) {
        Map<RelationshipModel, List<Map<String, Object>>> inserts = new LinkedHashMap<>();
        Map<RelationshipModel, List<Map<String, Object>>> deletes = new LinkedHashMap<>();
        Map<InstanceState, Map<RelationshipModel, Set<Object>>> after = new IdentityHashMap<>();
        synchronized (session) {
            for (InstanceState s : session.trackedStatesWithRelationships()) {
                if (s.state() != ObjectState.PERSISTENT) {
                    continue;
                }
                for (RelationshipModel r : s.model().relationships()) {
                    if (r.kind != RelationshipModel.Kind.MANY_TO_MANY
                            || r.joinTable == null
                            || !isLoaded(r, s.object())) {
                        continue;
                    }
                    Object ownerId = r.owner.ids().get(0).get(s.object());
                    Set<Object> before = s.m2m(r) == null ? Set.of() : s.m2m(r);
                    Set<Object> now = new LinkedHashSet<>();
                    for (Object t : loadedTargets(r, s.object())) {
                        now.add(r.target.ids().get(0).get(t));
                    }
                    for (Object t : now) {
                        if (!before.contains(t)) {
                            inserts.computeIfAbsent(r, k -> new ArrayList<>()).add(Map.of("p0", ownerId, "p1", t));
                        }
                    }
                    for (Object t : before) {
                        if (!now.contains(t)) {
                            deletes.computeIfAbsent(r, k -> new ArrayList<>()).add(Map.of("p0", ownerId, "p1", t));
                        }
                    }
                    after.computeIfAbsent(s, k -> new IdentityHashMap<>()).put(r, now);
                }
            }
        }
        if (inserts.isEmpty() && deletes.isEmpty()) {
            return Mono.fromRunnable(() -> after.forEach((s, m) -> m.forEach(s::m2m)));
        }
        return connection
                .flatMap(c -> Flux.concat(
                                Flux.fromIterable(deletes.entrySet())
                                        .concatMap(e -> c.executeUpdate(
                                                session.statements().associationDelete(e.getKey()), e.getValue())),
                                Flux.fromIterable(inserts.entrySet())
                                        .concatMap(e -> c.executeUpdate(
                                                session.statements().associationInsert(e.getKey()), e.getValue())))
                        .then())
                .then(Mono.fromRunnable(() -> after.forEach((s, m) -> m.forEach(s::m2m))));
    }

    /** Association rows of objects being deleted go first (their foreign keys would block the DELETE). */
    Mono<Void> deleteAssociationsOf(Connection c, Collection<InstanceState> deleted) {
        Map<String, List<Object>> byColumn = new LinkedHashMap<>();
        Map<String, Object[]> target = new LinkedHashMap<>();
        for (InstanceState s : deleted) {
            for (RelationshipModel r : s.model().relationships()) {
                if (r.kind != RelationshipModel.Kind.MANY_TO_MANY) {
                    continue;
                }
                RelationshipModel def = r.joinTable != null ? r : r.inverse;
                String col = r.joinTable != null ? def.joinTableOwnerColumn : def.joinTableTargetColumn;
                String key = def.joinTable + "." + col;
                byColumn.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(r.owner.ids().get(0).get(s.object()));
                target.put(key, new Object[] {def, col});
            }
        }
        return Flux.fromIterable(byColumn.entrySet())
                .concatMap(e -> {
                    RelationshipModel def = (RelationshipModel) target.get(e.getKey())[0];
                    String col = (String) target.get(e.getKey())[1];
                    return Flux.fromIterable(chunks(e.getValue()))
                            .concatMap(chunk -> c.executeUpdate(Sql.delete(def.association)
                                    .where(def.association.c(col).in(chunk))));
                })
                .then();
    }

    /** Self-referential many-to-one targets of {@code s} that are pending in the same flush group. */
    static List<Object> pendingParents(InstanceState s, Collection<Object> pendingObjects) {
        List<Object> out = new ArrayList<>();
        for (RelationshipModel r : s.model().relationships()) {
            if (r.kind == RelationshipModel.Kind.MANY_TO_ONE && r.target == s.model()) {
                Object h = r.holderOf(s.object());
                if (h instanceof Lazy<?> l && l.isLoaded() && l.get() != null && pendingObjects.contains(l.get())) {
                    out.add(l.get());
                }
            }
        }
        return out;
    }
}
