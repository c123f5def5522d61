package io.retort.core.internal;

import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.retort.core.Connection;
import io.retort.core.Engine;
import io.retort.core.InvalidRequestException;
import io.retort.core.IsolationLevel;
import io.retort.core.Row;
import io.retort.core.StatementEvent;
import io.retort.dialect.BindSlot;
import io.retort.dialect.CompiledStatement;
import io.retort.dialect.Dialect;
import io.retort.sql.Executable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@link Connection} handed to scopes: compiles through the engine's cache, binds, runs, reports. */
public final class DefaultConnection implements Connection {
    private final Engine engine;
    private final EngineContext ctx;
    private final io.r2dbc.spi.Connection raw;
    private final AsyncLock lock = new AsyncLock();
    private final AtomicInteger savepoints = new AtomicInteger();
    private volatile boolean inTransaction;

    public DefaultConnection(Engine engine, EngineContext ctx, io.r2dbc.spi.Connection raw) {
        this.engine = engine;
        this.ctx = ctx;
        this.raw = raw;
    }

    // ---------------------------------------------------------------- statements

    @Override
    public Flux<Row> execute(Executable statement, Map<String, ?> parameters) {
        return execute(statement, parameters, 0);
    }

    @Override
    public Flux<Row> execute(Executable statement, Map<String, ?> parameters, int fetchSize) {
        if (fetchSize < 0) {
            throw new IllegalArgumentException("fetchSize must be >= 0, was " + fetchSize);
        }
        return Flux.defer(() -> {
            Executable stmt = statement.forParameters(parameters.keySet());
            CompiledStatement c = ctx.cache().compile(stmt);
            Object[] values = resolve(c, stmt, parameters);
            return lock.run(() -> run(c, c.sql(), c.slots(), List.<Object[]>of(values), true, fetchSize))
                    .cast(Row.class);
        });
    }

    @Override
    public Mono<Long> executeUpdate(Executable statement, Map<String, ?> parameters) {
        return Flux.defer(() -> {
                    Executable stmt = statement.forParameters(parameters.keySet());
                    CompiledStatement c = ctx.cache().compile(stmt);
                    Object[] values = resolve(c, stmt, parameters);
                    return lock.run(() -> run(c, c.sql(), c.slots(), List.<Object[]>of(values), false, 0));
                })
                .cast(Long.class)
                .reduce(0L, Long::sum);
    }

    @Override
    public Mono<Long> executeUpdate(Executable statement, List<? extends Map<String, ?>> parameterSets) {
        return Flux.defer(() -> {
                    if (parameterSets.isEmpty()) {
                        return Flux.just(0L);
                    }
                    Executable stmt =
                            statement.forParameters(parameterSets.get(0).keySet());
                    CompiledStatement c = ctx.cache().compile(stmt);
                    List<Object[]> sets = new ArrayList<>(parameterSets.size());
                    for (Map<String, ?> p : parameterSets) {
                        sets.add(resolve(c, stmt, p));
                    }
                    return lock.run(() -> executeMany(c, sets, false));
                })
                .cast(Long.class)
                .reduce(0L, Long::sum);
    }

    @Override
    public Flux<Row> executeMany(Executable statement, List<? extends Map<String, ?>> parameterSets) {
        return Flux.defer(() -> {
                    if (parameterSets.isEmpty()) {
                        return Flux.empty();
                    }
                    Executable stmt =
                            statement.forParameters(parameterSets.get(0).keySet());
                    CompiledStatement c = ctx.cache().compile(stmt);
                    List<Object[]> sets = new ArrayList<>(parameterSets.size());
                    for (Map<String, ?> p : parameterSets) {
                        sets.add(resolve(c, stmt, p));
                    }
                    return lock.run(() -> executeMany(c, sets, true));
                })
                .cast(Row.class);
    }

    private Flux<Object> executeMany(CompiledStatement c, List<Object[]> sets, boolean rows) {
        Dialect d = ctx.dialect();
        int perRow = c.valuesGroupSlotCount();
        boolean multiValues = sets.size() > 1
                && c.hasValuesGroup()
                && d.supportsMultiRowInsert()
                && perRow == c.slots().size();
        if (!multiValues) {
            if (rows && sets.size() > 1) {
                // a batch cannot return rows portably: one execution per parameter set, in order
                return Flux.fromIterable(sets)
                        .concatMap(set -> run(c, c.sql(), c.slots(), List.<Object[]>of(set), true, 0));
            }
            return run(c, c.sql(), c.slots(), sets, rows, 0);
        }
        int rowsPerStatement = Math.max(
                1, Math.min(ctx.options().insertManyValuesBatchSize(), d.maxBindParameters() / Math.max(1, perRow)));
        List<List<Object[]>> chunks = new ArrayList<>();
        for (int i = 0; i < sets.size(); i += rowsPerStatement) {
            chunks.add(sets.subList(i, Math.min(sets.size(), i + rowsPerStatement)));
        }
        // inside a transaction, on a driver that pipelines, the next chunk is bound and sent while the server runs
        // the current one (results still come in order; a failure fails the transaction anyway); outside one,
        // chunks go one after the other so that a failed chunk stops the rest
        int inFlight = inTransaction && d.supports(io.retort.dialect.Feature.PIPELINING) ? 2 : 1;
        return Flux.fromIterable(chunks)
                .flatMapSequential(
                        chunk -> Flux.defer(() -> {
                            int n = chunk.size();
                            Object[] flat = new Object[n * perRow];
                            List<BindSlot> slots = new ArrayList<>(n * perRow);
                            for (int r = 0; r < n; r++) {
                                System.arraycopy(chunk.get(r), 0, flat, r * perRow, perRow);
                                slots.addAll(c.slots());
                            }
                            return run(c, c.multiValuesSql(n), slots, List.<Object[]>of(flat), rows, 0);
                        }),
                        inFlight,
                        1);
    }

    @Override
    public <T> Mono<T> scalar(Executable statement, Map<String, ?> parameters, Class<T> type) {
        return execute(statement, parameters).next().mapNotNull(r -> r.get(0, type));
    }

    private Object[] resolve(CompiledStatement c, Executable statement, Map<String, ?> params) {
        List<BindSlot> slots = c.slots();
        Object[] values = new Object[slots.size()];
        for (int i = 0; i < values.length; i++) {
            BindSlot s = slots.get(i);
            if (s.isNamed()) {
                Object v = params.get(s.name());
                if (v == null && !params.containsKey(s.name())) {
                    throw new InvalidRequestException("Missing value for bind parameter '" + s.name() + "' in: "
                            + describe(statement) + " (given: " + params.keySet() + ")");
                }
                values[i] = v;
            } else {
                values[i] = ValueExtraction.value(statement, s.position());
            }
        }
        // every slot's name was found, so the parameters are all used unless there are more of them than names
        if (params.size() > c.distinctParameterNames()) {
            Set<String> used = new HashSet<>();
            for (BindSlot s : slots) {
                if (s.isNamed()) {
                    used.add(s.name());
                }
            }
            List<String> unused = new ArrayList<>();
            for (String k : params.keySet()) {
                if (!used.contains(k)) {
                    unused.add(k);
                }
            }
            Collections.sort(unused);
            throw new InvalidRequestException("Unknown bind parameter" + (unused.size() > 1 ? "s " : " ") + unused
                    + " for: " + describe(statement) + " (it takes: "
                    + slots.stream()
                            .filter(BindSlot::isNamed)
                            .map(BindSlot::name)
                            .distinct()
                            .toList() + ")");
        }
        return values;
    }

    private static String describe(Executable statement) {
        String s = String.valueOf(statement);
        return s.length() > 300 ? s.substring(0, 297) + "..." : s;
    }

    /**
     * Runs one driver statement with one or more parameter sets ({@code Statement.add()} between them) and
     * emits Rows ({@code rows}) or update counts. Reports to listeners; wraps driver errors.
     */
    private Flux<Object> run(
            CompiledStatement c, String sql, List<BindSlot> slots, List<Object[]> sets, boolean rows, int fetchSize) {
        return Flux.defer(() -> {
            Listeners listeners = ctx.listeners();
            StatementEvent event = listeners.active() ? StatementEvent.before(sql, asLists(sets)) : null;
            if (event != null) {
                listeners.before(event);
            }
            long start = System.nanoTime();
            long[] count = {0};
            Statement st;
            try {
                st = raw.createStatement(sql);
                for (int s = 0; s < sets.size(); s++) {
                    if (s > 0) {
                        st.add();
                    }
                    bindAll(st, slots, sets.get(s), sql);
                }
                int fetch = fetchSize > 0 ? fetchSize : ctx.options().fetchSize();
                if (fetch > 0 && rows) {
                    st.fetchSize(fetch);
                }
            } catch (RuntimeException e) {
                Throwable t = Errors.translate(e, sql);
                if (event != null) {
                    listeners.after(event.finish(System.nanoTime() - start, 0, t));
                }
                return Flux.error(t);
            }
            Flux<Object> out = Flux.from(st.execute()).concatMap(result -> rows ? mapRows(result, c) : updated(result));
            Flux<Object> counted = rows ? out.doOnNext(o -> count[0]++) : out.doOnNext(o -> count[0] += (Long) o);
            Flux<Object> translated = counted.onErrorMap(e -> Errors.translate(e, sql));
            if (event == null) {
                return translated;
            }
            // report before the terminal signal travels on, so a caller that saw completion sees the event too;
            // exactly once (a cancel can still arrive after completion, e.g. from next() downstream)
            java.util.concurrent.atomic.AtomicBoolean reported = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.function.Consumer<Throwable> report = e -> {
                if (reported.compareAndSet(false, true)) {
                    listeners.after(event.finish(System.nanoTime() - start, count[0], e));
                }
            };
            return translated
                    .doOnComplete(() -> report.accept(null))
                    .doOnError(report)
                    .doOnCancel(() -> report.accept(null));
        });
    }

    private Flux<Object> mapRows(Result result, CompiledStatement c) {
        Dialect d = ctx.dialect();
        RowShape[] shape = {null};
        io.r2dbc.spi.RowMetadata[] seen = {null};
        return Flux.from(result.map((row, meta) -> {
            if (shape[0] == null || seen[0] != meta) {
                // the statement keeps the shape of its last result: its next executions reuse it when the columns
                // are the same (checked per result, cheaply), instead of building the name maps again
                RowShape cached = c.rowShape() instanceof RowShape r ? r : null;
                shape[0] = RowShape.reuse(cached, meta, d, c.resultKeys(), c.resultTypes());
                if (shape[0] != cached) {
                    c.rowShape(shape[0]);
                }
                seen[0] = meta;
            }
            return shape[0].read(row);
        }));
    }

    private static Flux<Object> updated(Result result) {
        return Flux.from(result.getRowsUpdated()).map(n -> (Object) n.longValue());
    }

    private void bindAll(Statement st, List<BindSlot> slots, Object[] values, String sql) {
        io.retort.dialect.TypeMap types = ctx.dialect().typeMap();
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            BindSlot slot = slots.get(i);
            io.retort.types.SqlType<?> type = slot.sqlType();
            try {
                if (type != null) {
                    v = types.toDriver(type, v);
                }
                Object typedNull = v == null && type != null ? types.nullParameter(type) : null;
                if (typedNull != null) {
                    st.bind(i, typedNull);
                } else if (v == null) {
                    st.bindNull(i, type != null ? types.driverClass(type) : slot.javaType());
                } else {
                    st.bind(i, v instanceof Enum<?> e ? e.name() : v);
                }
            } catch (IllegalArgumentException | io.retort.core.TypeConversionException e) {
                throw new InvalidRequestException(
                        "Cannot bind "
                                + (v == null ? "NULL" : "a " + v.getClass().getName()) + " to parameter " + slot
                                + " (position " + (i + 1) + ") of: " + sql + ": " + e.getMessage(),
                        e);
            }
        }
    }

    private static List<List<Object>> asLists(List<Object[]> sets) {
        List<List<Object>> out = new ArrayList<>(sets.size());
        for (Object[] s : sets) {
            out.add(Collections.unmodifiableList(Arrays.asList(s)));
        }
        return Collections.unmodifiableList(out);
    }

    // ---------------------------------------------------------------- transactions

    @Override
    public <T> Flux<T> nested(Function<Connection, ? extends Publisher<T>> work) {
        return Flux.defer(() -> {
            if (!inTransaction) {
                return Flux.error(
                        new InvalidRequestException(
                                "nested() needs an open transaction: call it inside engine.transaction(...) or conn.transaction(...)"));
            }
            return Flux.usingWhen(
                    savepoint(),
                    n -> work.apply(this),
                    this::releaseSavepoint,
                    (n, e) -> rollbackToSavepoint(n),
                    this::rollbackToSavepoint);
        });
    }

    @Override
    public <T> Flux<T> transaction(Function<Connection, ? extends Publisher<T>> work) {
        return Flux.defer(() -> {
            if (inTransaction) {
                return Flux.error(new InvalidRequestException(
                        "A transaction is already open on this connection; use nested() for a savepoint"));
            }
            return Flux.<T, DefaultConnection>usingWhen(
                            begin(ctx.options().isolationLevel()).thenReturn(this),
                            work,
                            c -> commit(),
                            (c, e) -> rollback(),
                            c -> rollback())
                    .onErrorMap(Errors::unwrapCleanup);
        });
    }

    @Override
    public Mono<String> savepoint() {
        return Mono.defer(() -> {
            if (!inTransaction) {
                return Mono.error(new InvalidRequestException("A savepoint needs an open transaction"));
            }
            String name = "retort_sp_" + savepoints.incrementAndGet();
            return control("SAVEPOINT " + name, raw.createSavepoint(name)).thenReturn(name);
        });
    }

    @Override
    public Mono<Void> releaseSavepoint(String name) {
        return control("RELEASE SAVEPOINT " + name, raw.releaseSavepoint(name));
    }

    @Override
    public Mono<Void> rollbackToSavepoint(String name) {
        return control("ROLLBACK TO SAVEPOINT " + name, raw.rollbackTransactionToSavepoint(name));
    }

    @Override
    public Mono<Void> begin(IsolationLevel level) {
        Publisher<Void> p = level == null ? raw.beginTransaction() : raw.beginTransaction(new Definition(level));
        return control(level == null ? "BEGIN" : "BEGIN (isolation " + level + ")", p)
                .doOnSuccess(v -> inTransaction = true);
    }

    @Override
    public Mono<Void> commit() {
        return control("COMMIT", raw.commitTransaction()).doOnTerminate(() -> inTransaction = false);
    }

    @Override
    public Mono<Void> rollback() {
        return control("ROLLBACK", raw.rollbackTransaction()).doOnTerminate(() -> inTransaction = false);
    }

    @Override
    public Mono<Void> close() {
        return Mono.from(raw.close());
    }

    private Mono<Void> control(String what, Publisher<Void> action) {
        return lock.run(() -> {
                    if (ctx.options().echo()) {
                        Listeners.ENGINE_LOG.info(what);
                    } else {
                        Listeners.ENGINE_LOG.debug(what);
                    }
                    return Flux.from(action);
                })
                .onErrorMap(e -> Errors.translate(e, what))
                .then();
    }

    @Override
    public boolean inTransaction() {
        return inTransaction;
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public io.r2dbc.spi.Connection unwrap() {
        return raw;
    }

    private record Definition(IsolationLevel level) implements TransactionDefinition {
        @Override
        @SuppressWarnings("unchecked")
        public <T> T getAttribute(io.r2dbc.spi.Option<T> option) {
            if (option.equals(TransactionDefinition.ISOLATION_LEVEL)) {
                return (T) level.toR2dbc();
            }
            return null;
        }
    }
}
