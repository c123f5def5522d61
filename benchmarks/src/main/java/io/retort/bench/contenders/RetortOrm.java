package io.retort.bench.contenders;

import static io.retort.orm.Loading.joinedload;
import static io.retort.orm.Loading.selectinload;

import io.r2dbc.pool.ConnectionPool;
import io.retort.bench.Contender;
import io.retort.bench.Counters;
import io.retort.bench.Data;
import io.retort.bench.DriverOptions;
import io.retort.bench.Pools;
import io.retort.bench.Workload;
import io.retort.bench.model.Item;
import io.retort.bench.orm.OrmAuthor;
import io.retort.bench.orm.OrmAuthor_;
import io.retort.bench.orm.OrmBig;
import io.retort.bench.orm.OrmBook;
import io.retort.bench.orm.OrmItem;
import io.retort.bench.orm.OrmNew;
import io.retort.core.ConnectionFailureException;
import io.retort.core.Engine;
import io.retort.core.EngineOptions;
import io.retort.core.TransactionRollbackException;
import io.retort.orm.LoaderOption;
import io.retort.orm.SessionFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Retort ORM as an application would use it: one {@link SessionFactory} over an {@link Engine} on the same pool,
 * a new session per unit of work (per lookup in W1, per transaction in W4), entities mapped by annotations.
 */
public final class RetortOrm implements Contender {
    private final String name;
    private final Counters counters = new Counters();
    private final Engine engine;
    private final SessionFactory sessions;
    private final AtomicLong w4Retries = new AtomicLong();
    private final AtomicLong w4Transactions = new AtomicLong();
    private final AtomicLong w4Aborted = new AtomicLong();

    private static boolean retriable(Throwable e) {
        return e instanceof TransactionRollbackException
                || (e instanceof ConnectionFailureException
                        && String.valueOf(e.getMessage()).contains("25P02"));
    }

    public RetortOrm(String name, DriverOptions driver, int poolSize) {
        this.name = name;
        ConnectionPool pool = Pools.create(driver, poolSize, counters, "orm");
        this.engine = Engine.create(
                pool, EngineOptions.builder().poolMaxSize(poolSize).build());
        this.sessions = SessionFactory.builder(engine)
                .entities(OrmItem.class, OrmBig.class, OrmNew.class, OrmAuthor.class, OrmBook.class)
                .build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Counters counters() {
        return counters;
    }

    @Override
    public List<Variant> variants(Workload w, Data d) {
        return switch (w) {
            case W1 ->
                List.of(new Variant(
                        this,
                        name,
                        false,
                        "a new session per lookup: sessions.inSession(s -> s.get(Item, id)), flatMap(16)",
                        () -> w1(d)));
            case W2 ->
                List.of(
                        new Variant(
                                this,
                                name + ", stream()",
                                false,
                                "sessions.inSession(s -> s.select(Big).stream(1000)): streamed with backpressure into"
                                        + " detached objects (yield_per), nothing kept by the session",
                                this::w2Stream),
                        new Variant(
                                this,
                                name + ", all()",
                                false,
                                "sessions.inSession(s -> s.select(Big).all()): read whole into the identity map,"
                                        + " then emitted",
                                this::w2));
            case W3 ->
                List.of(new Variant(
                        this,
                        name + ", addAll + commit",
                        false,
                        "sessions.inTransaction: 20,000 new entities (built in the op) addAll, commit flushes",
                        () -> w3(d)));
            case W4 ->
                List.of(
                        new Variant(
                                this,
                                name + ", get + dirty flush",
                                false,
                                "sessions.inTransaction per tx: 20 session.get, then touch() all,"
                                        + " commit flushes one UPDATE FROM VALUES",
                                () -> w4(d, false)),
                        new Variant(
                                this,
                                name + ", getAll + dirty flush",
                                false,
                                "sessions.inTransaction per tx: session.getAll(Item, 20 ids) (one SELECT ... IN),"
                                        + " touch() all, commit flushes one UPDATE (2 statements per tx)",
                                () -> w4(d, true)));
            case W5 ->
                List.of(
                        new Variant(
                                this,
                                name + ", selectinload",
                                false,
                                "select(Author).options(selectinload(books)).orderBy(id).all()",
                                () -> w5(selectinload(OrmAuthor_.books))),
                        new Variant(
                                this,
                                name + ", joinedload",
                                false,
                                "select(Author).options(joinedload(books)).orderBy(id).all()",
                                () -> w5(joinedload(OrmAuthor_.books))));
        };
    }

    Mono<Long> w1(Data d) {
        int[] ids = d.w1Ids;
        return Flux.range(0, ids.length)
                .flatMap(i -> sessions.inSession(s -> s.get(OrmItem.class, ids[i])), d.concurrency)
                .count();
    }

    Mono<Long> w2Stream() {
        return sessions.inSession(s -> s.select(OrmBig.class).stream(1000)).count();
    }

    Mono<Long> w2() {
        return sessions.inSession(s -> s.select(OrmBig.class).all()).count();
    }

    Mono<Long> w3(Data d) {
        return Mono.defer(() -> {
            List<OrmNew> fresh = new ArrayList<>(d.w3Items.size());
            for (Item it : d.w3Items) {
                fresh.add(new OrmNew(it.id, it.name, it.price, it.created));
            }
            // the checksum is what was handed to the session; the harness counts bench_new's rows after each op
            return sessions.inTransaction(s -> {
                        s.addAll(fresh);
                        return Mono.<Long>empty();
                    })
                    .then(Mono.fromSupplier(() -> (long) fresh.size()));
        });
    }

    Mono<Long> w4(Data d, boolean in) {
        return Flux.range(0, d.w4Transactions)
                .flatMap(
                        t -> {
                            int[] ids = d.w4Ids[t];
                            w4Transactions.incrementAndGet();
                            // read all 20, then change them (as raw does): changing each object as it arrives
                            // would make the next get()'s autoflush send it as its own UPDATE (20 statements).
                            // Every UPDATE the flush sends is checked to match each row (else StaleDataException).
                            return sessions.inTransaction(s -> (in
                                                    ? s.getAll(OrmItem.class, idList(ids))
                                                    : Flux.range(0, ids.length)
                                                            .concatMap(i -> s.get(OrmItem.class, ids[i])))
                                            .collectList()
                                            .map(items -> {
                                                items.forEach(OrmItem::touch);
                                                return (long) items.size();
                                            }))
                                    .single()
                                    // the flush locks its rows in key order, so concurrent transactions should not
                                    // deadlock (40P01); if one does it is retried, as an application would, and
                                    // counted (printed when the contender closes), as is a connection found in an
                                    // aborted transaction (25P02)
                                    .retryWhen(Retry.max(10)
                                            .filter(RetortOrm::retriable)
                                            .doBeforeRetry(r -> (r.failure() instanceof TransactionRollbackException
                                                            ? w4Retries
                                                            : w4Aborted)
                                                    .incrementAndGet()));
                        },
                        d.concurrency)
                .reduce(0L, Long::sum);
    }

    private static List<Integer> idList(int[] ids) {
        List<Integer> out = new ArrayList<>(ids.length);
        for (int id : ids) {
            out.add(id);
        }
        return out;
    }

    Mono<Long> w5(LoaderOption option) {
        return sessions.inSession(s -> s.select(OrmAuthor.class)
                        .options(option)
                        .orderBy(OrmAuthor_.id)
                        .all())
                .reduce(0L, (n, a) -> n + 1 + a.books().size());
    }

    /** W4 transactions retried after a deadlock, and W4 transactions run (warm-up and timed). */
    public long[] w4Retries() {
        return new long[] {w4Retries.get(), w4Aborted.get(), w4Transactions.get()};
    }

    @Override
    public Mono<Void> close() {
        if (w4Transactions.get() > 0) {
            System.err.println(name + ": W4 retried " + w4Retries.get() + " of " + w4Transactions.get()
                    + " transactions after a deadlock (40P01), " + w4Aborted.get()
                    + " after finding the connection in an aborted transaction (25P02)");
        }
        return engine.dispose();
    }
}
