package io.retort.orm.query;

import static io.retort.orm.query.Fixture.T;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.core.Engine;
import io.retort.orm.ObjectState;
import io.retort.orm.SessionFactory;
import io.retort.orm.internal.DefaultSession;
import io.retort.orm.internal.Streaming;
import io.retort.orm.internal.WindowLoader;
import io.retort.orm.model.Member;
import io.retort.orm.model.Member_;
import io.retort.testing.Backend;
import io.retort.testing.BackendTest;
import io.retort.testing.StatementRecorder;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;

/** Streaming without the identity map (yield_per): detached objects, flat memory. */
class StreamingTest {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    @BackendTest
    void streamEmitsDetachedObjectsThatTheSessionDoesNotKeep(Backend db, Engine engine, StatementRecorder rec) {
        SessionFactory sessions = Fixture.create(db, engine);
        List<Object> seen = sessions.inTransaction(s -> s.get(Member.class, 1L)
                        .flatMap(sponge -> s.select(Member.class).where(Member_.teamId.eq(1L)).orderBy("id").stream(2)
                                .collectList()
                                .map(streamed -> {
                                    Member first = streamed.get(0);
                                    first.score = 0; // not tracked: never flushed
                                    rec.clear();
                                    return List.<Object>of(
                                            streamed.stream().map(m -> m.name).toList(),
                                            first != sponge && first.id.equals(sponge.id),
                                            s.contains(first),
                                            s.state(first),
                                            sponge.score);
                                })))
                .single()
                .block(T);
        assertThat(seen)
                .containsExactly(List.of("spongebob", "patrick", "squidward"), true, false, ObjectState.TRANSIENT, 90);
        assertThat(rec.count("UPDATE")).isZero();
        assertThat(db.query("SELECT score FROM member WHERE id = 1")
                        .get(0)
                        .get("score")
                        .toString())
                .isEqualTo("90");
    }

    @BackendTest
    void cancellingAStreamFreesTheSessionForTheNextOperation(Backend db, Engine engine) {
        SessionFactory sessions = Fixture.create(db, engine);
        List<Object> seen = sessions.inSession(s -> s.select(Member.class).orderBy("id").stream(2)
                        .take(3)
                        .map(m -> m.name)
                        .collectList()
                        .flatMap(first -> s.select(Member.class).count().map(n -> List.<Object>of(first, n))))
                .single()
                .block(T);
        assertThat(seen).containsExactly(List.of("spongebob", "sandy", "patrick"), 5L);
    }

    /**
     * A million rows generated server-side, streamed through the ORM as entities: the heap after GC, sampled every
     * 100,000 rows, stays within 64 MB of where it started (the identity map would hold every object).
     */
    @BackendTest
    void streamsAMillionRowsInFlatMemory(Backend db, Engine engine) {
        Assumptions.assumeTrue(
                db.name().equals("postgresql"),
                "the 1,000,000-row memory test runs on PostgreSQL only (server-side generate_series, cursor fetch"
                        + " through the portal); the detached streaming semantics are tested on every backend");
        int rows = 1_000_000;
        db.run(
                "CREATE TABLE reading (id BIGINT PRIMARY KEY, sensor VARCHAR(40), value INTEGER)",
                "INSERT INTO reading (id, sensor, value) SELECT g, 'sensor-' || (g % 100), g % 1000"
                        + " FROM generate_series(1, " + rows + ") g");
        SessionFactory sessions =
                SessionFactory.builder(engine).entities(Reading.class).build();
        long baseline = usedAfterGc();
        List<Long> samples = new ArrayList<>();
        AtomicLong count = new AtomicLong();
        long started = System.nanoTime();
        long sum = sessions.inSession(s -> s.select(Reading.class).stream(1000)
                        .doOnNext(r -> {
                            if (count.incrementAndGet() % 100_000 == 0) {
                                samples.add(usedAfterGc() - baseline);
                            }
                        })
                        .map(r -> (long) r.value)
                        .reduce(0L, Long::sum))
                .single()
                .block(Duration.ofMinutes(3));
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertThat(count.get()).isEqualTo(rows);
        assertThat(sum).isEqualTo(rows / 1000 * 499_500L); // each block of 1,000 ids holds 0..999
        long peak = samples.stream().mapToLong(Long::longValue).max().orElseThrow();
        System.out.printf(
                "streamed %,d rows in %d s; heap growth after GC per 100k rows (MB): %s%n",
                rows, seconds, samples.stream().map(b -> b / (1024 * 1024)).toList());
        assertThat(samples).hasSize(10);
        assertThat(peak).as("heap growth in bytes").isLessThan(64L * 1024 * 1024);
    }

    /** The control: all() keeps every object in the identity map, and the same measurement sees it grow. */
    @BackendTest
    void theIdentityMapOfAllIsWhatTheMeasurementWouldCatch(Backend db, Engine engine) {
        Assumptions.assumeTrue(
                db.name().equals("postgresql"), "the control of the memory test runs where the memory test runs");
        int rows = 300_000;
        db.run(
                "CREATE TABLE reading (id BIGINT PRIMARY KEY, sensor VARCHAR(40), value INTEGER)",
                "INSERT INTO reading (id, sensor, value) SELECT g, 'sensor-' || g, g FROM generate_series(1, " + rows
                        + ") g");
        SessionFactory sessions =
                SessionFactory.builder(engine).entities(Reading.class).build();
        long baseline = usedAfterGc();
        long[] grown = {0};
        AtomicLong count = new AtomicLong();
        sessions.inSession(s -> s.select(Reading.class).fetchSize(1000).all().doOnNext(r -> {
                    if (count.incrementAndGet() == rows) {
                        grown[0] = usedAfterGc() - baseline;
                    }
                }))
                .then()
                .block(Duration.ofMinutes(2));
        System.out.printf("all() of %,d rows: heap growth after GC %d MB%n", rows, grown[0] / (1024 * 1024));
        assertThat(grown[0]).isGreaterThan(32L * 1024 * 1024);
    }

    /**
     * The hook eager loaders will use while streaming (issue 6): windows of {@code batch} detached parents, each
     * handed to the loader before its objects are emitted, in order.
     */
    @BackendTest
    void streamedParentsReachTheWindowLoaderHookInWindowsOfTheBatch(Backend db, Engine engine) {
        SessionFactory sessions = Fixture.create(db, engine);
        List<List<String>> windows = new java.util.concurrent.CopyOnWriteArrayList<>();
        WindowLoader loader = window -> {
            windows.add(window.stream().map(m -> ((Member) m).name).toList());
            return reactor.core.publisher.Mono.just(window);
        };
        List<String> names = sessions.inSession(s -> {
                    DefaultSession session = (DefaultSession) s;
                    return Streaming.stream(
                            session,
                            session.registry().model(Member.class),
                            io.retort.sql.Sql.select(Member.class).orderBy(Member_.id),
                            2,
                            loader);
                })
                .map(m -> m.name)
                .collectList()
                .block(T);
        assertThat(names).containsExactly("spongebob", "sandy", "patrick", "squidward", "plankton");
        assertThat(windows)
                .containsExactly(List.of("spongebob", "sandy"), List.of("patrick", "squidward"), List.of("plankton"));
    }

    /**
     * bulkInsert of a publisher making 300,000 objects on demand, in flat memory. It runs on its own engine: the
     * shared one's StatementRecorder keeps every bound value, which is the test harness growing, not the ORM.
     */
    @BackendTest
    void bulkInsertOfAGeneratedStreamStaysFlat(Backend db) {
        Assumptions.assumeTrue(
                db.name().equals("postgresql"),
                "the bulk-insert memory test runs on PostgreSQL only, next to the streaming one; chunking and demand"
                        + " are tested on every backend (BulkOperationsTest)");
        int rows = 300_000;
        db.run("CREATE TABLE reading (id BIGINT PRIMARY KEY, sensor VARCHAR(40), value INTEGER)");
        AtomicLong inserts = new AtomicLong();
        Engine own = db.newEngine(io.retort.core.EngineOptions.builder()
                .listener(new io.retort.core.StatementListener() {
                    @Override
                    public void afterExecute(io.retort.core.StatementEvent e) {
                        if (e.sql().startsWith("INSERT")) {
                            inserts.incrementAndGet();
                        }
                    }
                })
                .build());
        try {
            SessionFactory sessions =
                    SessionFactory.builder(own).entities(Reading.class).build();
            long baseline = usedAfterGc();
            List<Long> samples = new ArrayList<>();
            reactor.core.publisher.Flux<Reading> source = reactor.core.publisher.Flux.range(1, rows)
                    .map(i -> {
                        Reading r = new Reading();
                        r.id = (long) i;
                        r.sensor = "sensor-" + i;
                        r.value = i % 1000;
                        return r;
                    })
                    .doOnNext(r -> {
                        if (r.id % 50_000 == 0) {
                            samples.add(usedAfterGc() - baseline);
                        }
                    });
            Long written = sessions.inTransaction(s -> s.bulkInsert(Reading.class, source))
                    .single()
                    .block(Duration.ofMinutes(2));
            assertThat(written).isEqualTo(rows);
            assertThat(inserts.get()).isEqualTo(rows / 1000);
            System.out.printf(
                    "bulkInsert of %,d objects: heap growth after GC per 50k (MB): %s%n",
                    rows, samples.stream().map(b -> b / (1024 * 1024)).toList());
            assertThat(samples).hasSize(6).allSatisfy(b -> assertThat(b).isLessThan(64L * 1024 * 1024));
            assertThat(db.query("SELECT count(*) AS n FROM reading")
                            .get(0)
                            .get("n")
                            .toString())
                    .isEqualTo(String.valueOf(rows));
        } finally {
            own.dispose().block(T);
        }
    }

    private static long usedAfterGc() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
