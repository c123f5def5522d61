package io.retort.bench.hr;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.retort.bench.Contender;
import io.retort.bench.Counters;
import io.retort.bench.Data;
import io.retort.bench.DriverOptions;
import io.retort.bench.Workload;
import io.retort.bench.model.Item;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.hibernate.SessionFactory;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.cfg.Configuration;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.provider.ReactiveServiceRegistryBuilder;
import org.hibernate.reactive.provider.Settings;
import org.hibernate.reactive.vertx.VertxInstance;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Hibernate Reactive 3.4 (Hibernate ORM 7.4, Vert.x 4.5 PostgreSQL client) as an application would use it: one
 * {@link Mutiny.SessionFactory} built programmatically over the benchmark's tables, a session (or stateless
 * session) per unit of work through {@code withSession} / {@code withTransaction}. Runs in its own class loader
 * (see {@code io.retort.bench.Isolated}); statements are counted at the Vert.x SQL client by
 * {@link CountingSqlClientPool}.
 *
 * <p>Every op's work starts on a fresh Vert.x duplicated context, round robin over the event loops, as a Vert.x or
 * Quarkus server starts each request: {@code withSession} looks for a session already bound to the current Vert.x
 * context, so a lookup started from inside another lookup's callback (Reactor's {@code flatMap} subscribes the
 * next inner there) could otherwise pick up a session still in use.
 */
public final class HibernateReactive implements Contender {
    private final String name;
    private final Counters counters = new Counters();
    private final Vertx vertx;
    private final ContextInternal[] loops;
    private final AtomicInteger next = new AtomicInteger();
    private final SessionFactory orm;
    private final Mutiny.SessionFactory sessions;

    // Settings.URL and USER (hibernate.connection.url/username) are deprecated in Hibernate 7 in favour of the
    // jakarta.persistence.jdbc.* names, but they are the keys Hibernate Reactive's Vert.x pool reads
    @SuppressWarnings("deprecation")
    public HibernateReactive(String name, DriverOptions driver, int poolSize) {
        this.name = name;
        ClassLoader loader = HibernateReactive.class.getClassLoader();
        // W2 decodes 200,000 rows in one event-loop task: no blocked-thread warnings for that
        this.vertx = Vertx.vertx(
                new VertxOptions().setMaxEventLoopExecuteTime(30).setMaxEventLoopExecuteTimeUnit(TimeUnit.SECONDS));
        VertxInternal vx = (VertxInternal) vertx;
        List<ContextInternal> roots = new ArrayList<>();
        for (EventExecutor e : vx.getEventLoopGroup()) {
            roots.add(vx.createEventLoopContext((EventLoop) e, null, loader));
        }
        this.loops = roots.toArray(ContextInternal[]::new);

        Configuration cfg = new Configuration();
        for (Class<?> c : List.of(HrItem.class, HrBig.class, HrNew.class, HrAuthor.class, HrBook.class)) {
            cfg.addAnnotatedClass(c);
        }
        Map<String, String> settings = Map.of(
                Settings.URL,
                "jdbc:postgresql://" + driver.host() + ":" + driver.port() + "/" + driver.database(),
                Settings.USER,
                driver.user(),
                Settings.POOL_SIZE,
                String.valueOf(poolSize),
                Settings.DIALECT,
                "org.hibernate.dialect.PostgreSQLDialect",
                Settings.SHOW_SQL,
                "false",
                Settings.GENERATE_STATISTICS,
                "false",
                // W3's inserts and W4's updates are sent in batches (one executeBatch per 1,000 rows)
                Settings.STATEMENT_BATCH_SIZE,
                "1000",
                // flush the UPDATEs in primary-key order: concurrent W4 transactions then lock rows in one order
                // (the multi-load SELECT returns rows in table order, and the flush follows it otherwise)
                Settings.ORDER_UPDATES,
                "true",
                Settings.HBM2DDL_AUTO,
                "none");
        settings.forEach(cfg::setProperty);
        StandardServiceRegistry registry = new ReactiveServiceRegistryBuilder()
                .applySettings(cfg.getProperties())
                .applySetting(Settings.SQL_CLIENT_POOL, new CountingSqlClientPool(counters))
                .addService(VertxInstance.class, (VertxInstance) () -> vertx)
                .build();
        this.orm = cfg.buildSessionFactory(registry);
        this.sessions = orm.unwrap(Mutiny.SessionFactory.class);
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
                        "sessionFactory.withSession(s -> s.find(Item, id)) per lookup, flatMap(16)",
                        () -> w1(d)));
            case W2 ->
                List.of(new Variant(
                        this,
                        name + ", stateless getResultList",
                        false,
                        "withStatelessSession(s -> s.createSelectionQuery(\"from Big\").getResultList()): not streamed"
                                + " (Hibernate Reactive has no streaming), the list is read whole",
                        this::w2));
            case W3 ->
                List.of(
                        new Variant(
                                this,
                                name + ", stateless insertMultiple",
                                false,
                                "withStatelessTransaction(s -> s.insertMultiple(20,000 new entities)): one batch"
                                        + " (executeBatch) of 20,000 parameter sets",
                                () -> w3Stateless(d)),
                        new Variant(
                                this,
                                name + ", persistAll",
                                false,
                                "withTransaction(s -> s.persistAll(20,000 new entities)), the flush at commit"
                                        + " sends batches of 1,000 (hibernate.jdbc.batch_size)",
                                () -> w3Persist(d)));
            case W4 ->
                List.of(new Variant(
                        this,
                        name + ", find(ids...) + dirty flush",
                        false,
                        "withTransaction per tx: s.find(Item, 20 ids) (one multi-load SELECT), touch all,"
                                + " commit flushes one batch of 20 UPDATEs",
                        () -> w4(d)));
            case W5 ->
                List.of(
                        new Variant(
                                this,
                                name + ", stateless join fetch",
                                false,
                                "withStatelessSession: from Author a left join fetch a.books order by a.id"
                                        + " (books ordered by @OrderBy)",
                                () -> w5(true)),
                        new Variant(
                                this,
                                name + ", join fetch",
                                false,
                                "withSession: the same query in a (stateful) session",
                                () -> w5(false)));
        };
    }

    /**
     * The work as a Mono, started on a fresh duplicated Vert.x context. The Uni emits its item only after all of
     * the work (flush, commit, session close) is done, so the Mono completes after the commit too; it is read with
     * {@code singleOrEmpty()}, which never cancels the source.
     */
    private <T> Mono<T> mono(Supplier<Uni<? extends T>> work) {
        Uni<T> uni = Uni.createFrom().<T>deferred(work).runSubscriptionOn(this::onNewContext);
        return JdkFlowAdapter.flowPublisherToFlux(uni.convert().toPublisher()).singleOrEmpty();
    }

    private void onNewContext(Runnable task) {
        loops[Math.floorMod(next.getAndIncrement(), loops.length)].duplicate().runOnContext(v -> task.run());
    }

    Mono<Long> w1(Data d) {
        int[] ids = d.w1Ids;
        return Flux.range(0, ids.length)
                .flatMap(i -> mono(() -> sessions.withSession(s -> s.find(HrItem.class, ids[i]))), d.concurrency)
                .count();
    }

    Mono<Long> w2() {
        return mono(() -> sessions.withStatelessSession(s -> s.createSelectionQuery("from HrBig", HrBig.class)
                .getResultList()
                .map(l -> (long) l.size())));
    }

    private static List<HrNew> fresh(Data d) {
        List<HrNew> out = new ArrayList<>(d.w3Items.size());
        for (Item it : d.w3Items) {
            out.add(new HrNew(it.id, it.name, it.price, it.created));
        }
        return out;
    }

    Mono<Long> w3Stateless(Data d) {
        return mono(() -> {
            List<HrNew> fresh = fresh(d);
            return sessions.withStatelessTransaction(
                    s -> s.insertMultiple(fresh).replaceWith((long) fresh.size()));
        });
    }

    Mono<Long> w3Persist(Data d) {
        return mono(() -> {
            List<HrNew> fresh = fresh(d);
            return sessions.withTransaction(s -> s.persistAll(fresh.toArray()).replaceWith((long) fresh.size()));
        });
    }

    Mono<Long> w4(Data d) {
        return Flux.range(0, d.w4Transactions)
                .flatMap(
                        t -> {
                            Object[] ids = boxed(d.w4Ids[t]);
                            return mono(() -> sessions.withTransaction(
                                    s -> s.find(HrItem.class, ids).map(items -> {
                                        long n = 0;
                                        for (HrItem it : items) {
                                            if (it != null) {
                                                it.touch();
                                                n++;
                                            }
                                        }
                                        return n;
                                    })));
                        },
                        d.concurrency)
                .reduce(0L, Long::sum);
    }

    private static Object[] boxed(int[] ids) {
        Object[] out = new Object[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = ids[i];
        }
        return out;
    }

    private static long graphSize(List<HrAuthor> authors) {
        long n = authors.size();
        for (HrAuthor a : authors) {
            n += a.books().size();
        }
        return n;
    }

    private static final String GRAPH = "from HrAuthor a left join fetch a.books order by a.id";

    Mono<Long> w5(boolean stateless) {
        return mono(() -> stateless
                ? sessions.withStatelessSession(s -> s.createSelectionQuery(GRAPH, HrAuthor.class)
                        .getResultList()
                        .map(HibernateReactive::graphSize))
                : sessions.withSession(s -> s.createSelectionQuery(GRAPH, HrAuthor.class)
                        .getResultList()
                        .map(HibernateReactive::graphSize)));
    }

    @Override
    public Mono<Void> close() {
        return Mono.fromRunnable(orm::close)
                .then(Mono.fromCompletionStage(() -> vertx.close().toCompletionStage()))
                .then();
    }
}
