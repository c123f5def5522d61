package io.retort.orm.internal;

import io.retort.core.Connection;
import io.retort.core.InvalidRequestException;
import io.retort.core.Row;
import io.retort.dialect.Feature;
import io.retort.orm.MappingException;
import io.retort.orm.SynchronizeSession;
import io.retort.orm.mapping.GenerationType;
import io.retort.schema.Column;
import io.retort.sql.ColumnElement;
import io.retort.sql.Delete;
import io.retort.sql.Insert;
import io.retort.sql.Select;
import io.retort.sql.Sql;
import io.retort.sql.Update;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * ORM bulk operations of one session: UPDATE and DELETE by criteria with session synchronisation, and chunked
 * INSERT (optionally an upsert) of objects or attribute maps without per-object tracking. Everything is emitted as
 * Core statements on the session's connection and transaction.
 */
public final class BulkOps {
    private final DefaultSession session;

    public BulkOps(DefaultSession session) {
        this.session = session;
    }

    public DefaultSession session() {
        return session;
    }

    // ------------------------------------------------------------------ UPDATE

    /**
     * {@code UPDATE t SET ... WHERE criteria}, then the session synchronised by {@code mode}. Emits the number of
     * rows matched.
     *
     * @param sets attribute to a value (of the field's type) or a Core expression
     */
    public Mono<Long> update(
            EntityModel<?> model,
            Map<AttributeModel, Object> sets,
            List<ColumnElement<Boolean>> criteria,
            SynchronizeSession mode) {
        return Mono.defer(() -> {
            if (sets.isEmpty()) {
                return Mono.error(new InvalidRequestException(
                        "bulkUpdate(" + model.type().getSimpleName() + ") needs at least one set(attribute, value)"));
            }
            Evaluator ev = new Evaluator(model);
            if (mode == SynchronizeSession.EVALUATE) {
                Mono<Void> bad = evaluable(ev, model, criteria, "bulkUpdate");
                if (bad != null) {
                    return bad.then(Mono.empty());
                }
            }
            Map<Column<?>, Object> values = new LinkedHashMap<>();
            sets.forEach((a, v) -> values.put(a.column(), v instanceof ColumnElement<?> ? v : Values.toColumn(a, v)));
            Update stmt = Sql.update(model.table()).values(values);
            if (!criteria.isEmpty()) {
                stmt = stmt.where(criteria.toArray(ColumnElement[]::new));
            }
            Update update = stmt;
            return session.run(true, c -> switch (mode) {
                        case NONE -> c.executeUpdate(update);
                        case EVALUATE -> updateEvaluate(c, model, sets, criteria, ev, update);
                        case FETCH -> updateFetch(c, model, criteria, update);
                    })
                    .single();
        });
    }

    private Mono<Void> evaluable(Evaluator ev, EntityModel<?> model, List<ColumnElement<Boolean>> criteria, String op) {
        try {
            ev.check(criteria);
            return null;
        } catch (Evaluator.Unevaluable e) {
            return Mono.error(new InvalidRequestException(op + "("
                    + model.type().getSimpleName()
                    + ") with SynchronizeSession.EVALUATE cannot evaluate its criteria in Java (" + e.getMessage()
                    + "); use SynchronizeSession.FETCH, or NONE"));
        }
    }

    private Mono<Long> updateEvaluate(
            Connection c,
            EntityModel<?> model,
            Map<AttributeModel, Object> sets,
            List<ColumnElement<Boolean>> criteria,
            Evaluator ev,
            Update update) {
        // match against the values as they are before the statement (the session was just flushed)
        List<Object> matched = new ArrayList<>();
        for (Object o : session.persistentObjects(model)) {
            if (ev.matches(o, criteria)) {
                matched.add(o);
            }
        }
        return c.executeUpdate(update).flatMap(n -> {
            List<Object> reload = new ArrayList<>();
            for (Object o : matched) {
                Map<AttributeModel, Object> computed = new LinkedHashMap<>();
                try {
                    for (Map.Entry<AttributeModel, Object> e : sets.entrySet()) {
                        Object v = e.getValue();
                        computed.put(
                                e.getKey(),
                                v instanceof ColumnElement<?> x
                                        ? Values.toField(e.getKey(), ev.eval(x, o))
                                        : Values.toField(e.getKey(), v));
                    }
                } catch (Evaluator.Unevaluable | io.retort.core.TypeConversionException ex) {
                    reload.add(o);
                    continue;
                }
                session.applyWritten(o, computed);
            }
            return reload(c, model, reload).thenReturn(n);
        });
    }

    private Mono<Long> updateFetch(
            Connection c, EntityModel<?> model, List<ColumnElement<Boolean>> criteria, Update update) {
        if (c.dialect().supports(Feature.UPDATE_RETURNING)) {
            long[] n = {0};
            return c.execute(update.returning(model.table()))
                    .doOnNext(row -> {
                        n[0]++;
                        Object o = session.identity(key(model, row, 0));
                        if (o != null) {
                            session.applyWritten(o, rowValues(model, row));
                        }
                    })
                    .then(Mono.fromSupplier(() -> n[0]));
        }
        return matchedKeys(c, model, criteria)
                .flatMap(keys -> c.executeUpdate(update).flatMap(n -> {
                    List<Object> present = new ArrayList<>();
                    for (EntityKey k : keys) {
                        Object o = session.identity(k);
                        if (o != null) {
                            present.add(o);
                        }
                    }
                    return reload(c, model, present).thenReturn(n);
                }));
    }

    /** The keys of the rows matching {@code criteria} ({@code SELECT id FROM t WHERE ...}). */
    private Mono<List<EntityKey>> matchedKeys(
            Connection c, EntityModel<?> model, List<ColumnElement<Boolean>> criteria) {
        List<AttributeModel> ids = model.ids();
        Select s =
                Sql.select(ids.stream().map(AttributeModel::column).toArray()).from(model.table());
        if (!criteria.isEmpty()) {
            s = s.where(criteria.toArray(ColumnElement[]::new));
        }
        return c.execute(s).map(row -> keyOfIds(model, row)).collectList();
    }

    /** Reloads {@code objects} (persistent in the session) from their rows: one SELECT per 500. */
    private Mono<Void> reload(Connection c, EntityModel<?> model, List<Object> objects) {
        if (objects.isEmpty()) {
            return Mono.empty();
        }
        List<List<Object>> chunks = new ArrayList<>();
        for (int i = 0; i < objects.size(); i += 500) {
            chunks.add(objects.subList(i, Math.min(objects.size(), i + 500)));
        }
        return Flux.fromIterable(chunks)
                .concatMap(chunk -> c.execute(Sql.select(model.type()).where(byIds(model, chunk)))
                        .doOnNext(row -> {
                            Object o = session.identity(key(model, row, 0));
                            if (o != null) {
                                session.applyWritten(o, rowValues(model, row));
                            }
                        }))
                .then();
    }

    // ------------------------------------------------------------------ DELETE

    /** {@code DELETE FROM t WHERE criteria}, then the session synchronised by {@code mode}. Emits the rows deleted. */
    public Mono<Long> delete(EntityModel<?> model, List<ColumnElement<Boolean>> criteria, SynchronizeSession mode) {
        return Mono.defer(() -> {
            Evaluator ev = new Evaluator(model);
            if (mode == SynchronizeSession.EVALUATE) {
                Mono<Void> bad = evaluable(ev, model, criteria, "bulkDelete");
                if (bad != null) {
                    return bad.then(Mono.empty());
                }
            }
            Delete stmt = Sql.delete(model.table());
            if (!criteria.isEmpty()) {
                stmt = stmt.where(criteria.toArray(ColumnElement[]::new));
            }
            Delete delete = stmt;
            return session.run(true, c -> switch (mode) {
                        case NONE -> c.executeUpdate(delete);
                        case EVALUATE -> {
                            List<Object> matched = new ArrayList<>();
                            for (Object o : session.persistentObjects(model)) {
                                if (ev.matches(o, criteria)) {
                                    matched.add(o);
                                }
                            }
                            yield c.executeUpdate(delete)
                                    .doOnNext(n -> matched.forEach(session::markDeletedInDatabase));
                        }
                        case FETCH -> deleteFetch(c, model, criteria, delete);
                    })
                    .single();
        });
    }

    private Mono<Long> deleteFetch(
            Connection c, EntityModel<?> model, List<ColumnElement<Boolean>> criteria, Delete delete) {
        if (c.dialect().supports(Feature.DELETE_RETURNING)) {
            long[] n = {0};
            return c.execute(delete.returning(
                            model.ids().stream().map(AttributeModel::column).toArray()))
                    .doOnNext(row -> {
                        n[0]++;
                        Object o = session.identity(keyOfIds(model, row));
                        if (o != null) {
                            session.markDeletedInDatabase(o);
                        }
                    })
                    .then(Mono.fromSupplier(() -> n[0]));
        }
        return matchedKeys(c, model, criteria)
                .flatMap(keys -> c.executeUpdate(delete).doOnNext(n -> {
                    for (EntityKey k : keys) {
                        Object o = session.identity(k);
                        if (o != null) {
                            session.markDeletedInDatabase(o);
                        }
                    }
                }));
    }

    // ------------------------------------------------------------------ INSERT

    /** What to do with rows that conflict with existing ones; {@code null} for a plain INSERT. */
    public record Conflict(List<AttributeModel> target, List<AttributeModel> update) {}

    /**
     * Writes {@code objects} in chunks of {@code chunkSize} as multi-row INSERTs (or upserts), consuming the
     * publisher by demand; the objects are not tracked. Generated identity ids are written back into the objects
     * of a plain INSERT where the dialect has INSERT RETURNING. Emits the rows written.
     */
    public <T> Mono<Long> insertObjects(
            EntityModel<T> model, Publisher<? extends T> objects, int chunkSize, Conflict conflict) {
        boolean returning = conflict == null
                && session.statements().dialect().supports(Feature.INSERT_RETURNING)
                && model.ids().size() == 1
                && model.ids().get(0).generation() == GenerationType.IDENTITY;
        return chunks(Flux.from(objects), chunkSize, (c, chunk) -> {
            Map<List<String>, List<Object>> shapes = new LinkedHashMap<>();
            Map<List<String>, List<Map<String, Object>>> params = new LinkedHashMap<>();
            for (T o : chunk) {
                Map<String, Object> p = objectParams(model, o);
                List<String> shape = List.copyOf(p.keySet());
                shapes.computeIfAbsent(shape, k -> new ArrayList<>()).add(o);
                params.computeIfAbsent(shape, k -> new ArrayList<>()).add(p);
            }
            return Flux.fromIterable(params.entrySet())
                    .<Long>concatMap(e -> {
                        AttributeModel id = model.ids().get(0);
                        boolean readIds = returning && !e.getKey().contains(id.columnName());
                        Insert stmt = insertStatement(model, conflict);
                        if (!readIds) {
                            return c.executeUpdate(stmt, e.getValue());
                        }
                        List<Object> rows = shapes.get(e.getKey());
                        int[] i = {0};
                        return c.executeMany(stmt.returning(id.column()), e.getValue())
                                .doOnNext(r -> id.set(rows.get(i[0]++), session.readValue(id, r.get(0))))
                                .count();
                    })
                    .reduce(0L, Long::sum);
        });
    }

    /** Writes attribute-name maps in chunks, like {@link #insertObjects}; no ids are read back. */
    public Mono<Long> insertMappings(
            EntityModel<?> model, Publisher<? extends Map<String, ?>> mappings, int chunkSize, Conflict conflict) {
        return chunks(Flux.from(mappings), chunkSize, (c, chunk) -> {
            Map<List<String>, List<Map<String, Object>>> shapes = new LinkedHashMap<>();
            for (Map<String, ?> m : chunk) {
                Map<String, Object> p = new LinkedHashMap<>();
                for (Map.Entry<String, ?> e : m.entrySet()) {
                    AttributeModel a = model.attribute(e.getKey());
                    p.put(a.columnName(), Values.toColumn(a, e.getValue()));
                }
                shapes.computeIfAbsent(List.copyOf(new java.util.TreeSet<>(p.keySet())), k -> new ArrayList<>())
                        .add(p);
            }
            return Flux.fromIterable(shapes.values())
                    .<Long>concatMap(rows -> c.executeUpdate(insertStatement(model, conflict), rows))
                    .reduce(0L, Long::sum);
        });
    }

    private interface ChunkWriter<E> {
        Mono<Long> write(Connection c, List<E> chunk);
    }

    /**
     * Buffers {@code source} into chunks and writes each one as its own session operation: the publisher is
     * consumed by demand (one chunk buffered, one being written), and other operations on the session may run
     * between chunks. The first chunk autoflushes.
     */
    private <E> Mono<Long> chunks(Flux<E> source, int chunkSize, ChunkWriter<E> writer) {
        return Mono.defer(() -> {
            AtomicBoolean first = new AtomicBoolean(true);
            return source.buffer(chunkSize)
                    .concatMap(chunk -> session.run(first.getAndSet(false), c -> writer.write(c, chunk)), 1)
                    .reduce(0L, Long::sum);
        });
    }

    private static Insert insertStatement(EntityModel<?> model, Conflict conflict) {
        Insert stmt = Sql.insert(model.table());
        if (conflict == null) {
            return stmt;
        }
        List<Column<?>> target = new ArrayList<>();
        for (AttributeModel a : conflict.target()) {
            target.add(a.column());
        }
        if (conflict.update().isEmpty()) {
            return stmt.onConflictDoNothing(target);
        }
        Map<Column<?>, Object> set = new LinkedHashMap<>();
        for (AttributeModel a : conflict.update()) {
            set.put(a.column(), Sql.excluded(a.column()));
        }
        return stmt.onConflictDoUpdate(target, set);
    }

    /** Column name to column value of an object to insert, assigning client-side UUIDs and initial versions. */
    private static Map<String, Object> objectParams(EntityModel<?> model, Object o) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (AttributeModel a : model.attributes()) {
            Object v = a.get(o);
            if (v == null && a.generation() == GenerationType.IDENTITY) {
                continue;
            }
            if (v == null && a.generation() == GenerationType.UUID) {
                UUID u = Uuids.random();
                v = a.javaType() == String.class ? u.toString() : u;
                a.set(o, v);
            } else if (v == null && a.isId()) {
                throw new MappingException("Cannot bulk insert " + model.type().getSimpleName() + ": its id attribute '"
                        + a.name() + "' is null"
                        + (a.generation() == GenerationType.SEQUENCE
                                ? " and sequence ids are not fetched by bulk inserts; assign it, or use session.addAll"
                                : " and not @GeneratedValue; assign it"));
            } else if (a.isVersion() && (v == null || ((Number) v).longValue() == 0)) {
                v = Values.toField(a, 1);
                a.set(o, v);
            }
            if (a.isInsertable()) {
                p.put(a.columnName(), a.toColumnValue(v));
            }
        }
        return p;
    }

    // ------------------------------------------------------------------ rows and keys

    /** The identity of the entity whose columns start at {@code offset} of {@code row} (attribute order). */
    private EntityKey key(EntityModel<?> model, Row row, int offset) {
        List<AttributeModel> attrs = model.attributes();
        List<AttributeModel> ids = model.ids();
        if (ids.size() == 1) {
            AttributeModel id = ids.get(0);
            return new EntityKey(model.type(), session.readValue(id, row.get(offset + attrs.indexOf(id))));
        }
        Object[] parts = new Object[ids.size()];
        for (int i = 0; i < parts.length; i++) {
            AttributeModel id = ids.get(i);
            parts[i] = session.readValue(id, row.get(offset + attrs.indexOf(id)));
        }
        return new EntityKey(model.type(), List.of(parts));
    }

    /** The identity from a row of just the id columns. */
    private EntityKey keyOfIds(EntityModel<?> model, Row row) {
        List<AttributeModel> ids = model.ids();
        if (ids.size() == 1) {
            return new EntityKey(model.type(), session.readValue(ids.get(0), row.get(0)));
        }
        Object[] parts = new Object[ids.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = session.readValue(ids.get(i), row.get(i));
        }
        return new EntityKey(model.type(), List.of(parts));
    }

    private Map<AttributeModel, Object> rowValues(EntityModel<?> model, Row row) {
        Map<AttributeModel, Object> out = new HashMap<>();
        List<AttributeModel> attrs = model.attributes();
        for (int i = 0; i < attrs.size(); i++) {
            out.put(attrs.get(i), session.readValue(attrs.get(i), row.get(i)));
        }
        return out;
    }

    /** {@code id IN (...)} (or an OR of ANDs for a composite id) for these objects. */
    @SuppressWarnings("unchecked")
    static ColumnElement<Boolean> byIds(EntityModel<?> model, List<Object> objects) {
        List<AttributeModel> ids = model.ids();
        if (ids.size() == 1) {
            AttributeModel id = ids.get(0);
            List<Object> values = new ArrayList<>();
            for (Object o : objects) {
                values.add(id.toColumnValue(id.get(o)));
            }
            return id.column().in(values);
        }
        List<ColumnElement<Boolean>> ors = new ArrayList<>();
        for (Object o : objects) {
            List<ColumnElement<Boolean>> ands = new ArrayList<>();
            for (AttributeModel id : ids) {
                ands.add(id.column().eq(id.toColumnValue(id.get(o))));
            }
            ors.add(Sql.and(ands.toArray(ColumnElement[]::new)));
        }
        return Sql.or(ors.toArray(ColumnElement[]::new));
    }
}
