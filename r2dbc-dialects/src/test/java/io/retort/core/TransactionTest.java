package io.retort.core;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.testing.Backend;
import io.retort.testing.BackendTest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Transaction scopes, savepoints, isolation and pool behaviour on every backend. */
class TransactionTest {
    private static final Duration T = Duration.ofSeconds(30);

    private static void createTable(Backend db) {
        db.run("CREATE TABLE items (id INTEGER PRIMARY KEY, label VARCHAR(50))");
    }

    private static long count(Engine engine) {
        return engine.connect(c -> c.scalar(text("SELECT COUNT(*) FROM items"), Long.class))
                .blockLast(T);
    }

    private static Mono<Long> insert(Connection c, int id) {
        return c.executeUpdate(
                text("INSERT INTO items (id, label) VALUES (:id, :label)"), Map.of("id", id, "label", "i" + id));
    }

    @BackendTest
    void commitPersists(Backend db, Engine engine) {
        createTable(db);
        Long n = engine.transaction(c -> insert(c, 1).then(insert(c, 2)).thenReturn(2L))
                .single()
                .block(T);
        assertThat(n).isEqualTo(2L);
        assertThat(count(engine)).isEqualTo(2);
        assertThat(engine.poolMetrics().acquired()).isZero();
    }

    /**
     * An executemany of 2,500 rows is three multi-row INSERTs; inside a transaction the driver may have the next one
     * in flight (PostgreSQL pipelines them) when the first fails: the failure is the first chunk's, nothing stays,
     * and the connection goes back to the pool usable.
     */
    @BackendTest
    void aFailedChunkOfAnExecutemanyRollsBackEveryChunk(
            Backend db, Engine engine, io.retort.testing.StatementRecorder rec) {
        createTable(db);
        db.run("INSERT INTO items (id, label) VALUES (700, 'taken')");
        java.util.List<Map<String, ?>> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= 2500; i++) {
            rows.add(Map.of("id", i, "label", "i" + i));
        }
        rec.clear();
        StepVerifier.create(engine.transaction(
                        c -> c.executeUpdate(text("INSERT INTO items (id, label) VALUES (:id, :label)"), rows)))
                .expectError(IntegrityViolationException.class)
                .verify(T);
        assertThat(rec.statements().get(0).error()).isPresent(); // the first chunk's error is the one reported
        assertThat(count(engine)).isEqualTo(1);
        assertThat(engine.poolMetrics().acquired()).isZero();
        Long ok = engine.transaction(c -> c.executeUpdate(
                        text("INSERT INTO items (id, label) VALUES (:id, :label)"), rows.subList(0, 600)))
                .single()
                .block(T);
        assertThat(ok).isEqualTo(600L);
        assertThat(count(engine)).isEqualTo(601);
    }

    @BackendTest
    void anErrorInsideRollsBack(Backend db, Engine engine) {
        createTable(db);
        StepVerifier.create(engine.transaction(c -> insert(c, 1).then(Mono.error(new IllegalStateException("boom")))))
                .expectErrorMessage("boom")
                .verify(T);
        assertThat(count(engine)).isZero();
        assertThat(engine.poolMetrics().acquired()).isZero();
    }

    @BackendTest
    void cancellingMidTransactionRollsBackAndReturnsTheConnection(Backend db) throws InterruptedException {
        createTable(db);
        Engine engine = db.newEngine(EngineOptions.builder().poolMaxSize(2).build());
        try {
            Flux<Long> endless = engine.transaction(c -> insert(c, 1).thenMany(Flux.interval(Duration.ofMillis(20))));
            StepVerifier.create(endless).expectNextCount(3).thenCancel().verify(T);
            waitUntil(() -> engine.poolMetrics().acquired() == 0);
            assertThat(engine.poolMetrics().acquired()).isZero();
            assertThat(count(engine)).isZero();
        } finally {
            engine.dispose().block(T);
        }
    }

    @BackendTest
    void savepointRollbackKeepsTheOuterWork(Backend db, Engine engine) {
        createTable(db);
        engine.transaction(c -> insert(c, 1)
                        .thenMany(c.nested(n -> insert(n, 2).then(Mono.error(new IllegalStateException("inner")))))
                        .onErrorResume(IllegalStateException.class, e -> Mono.empty())
                        .thenMany(c.nested(n -> insert(n, 3)))
                        .then(insert(c, 4)))
                .blockLast(T);
        assertThat(db.query("SELECT id FROM items ORDER BY id"))
                .extracting(m -> ((Number) m.get("id")).intValue())
                .containsExactly(1, 3, 4);
    }

    @BackendTest
    void savepointsNest(Backend db, Engine engine) {
        createTable(db);
        engine.transaction(c -> c.nested(a -> insert(a, 1)
                        .thenMany(a.nested(b -> insert(b, 2).then(Mono.error(new IllegalStateException("deep")))))
                        .onErrorResume(e -> Mono.empty())
                        .then(insert(a, 3))))
                .blockLast(T);
        assertThat(db.query("SELECT id FROM items ORDER BY id"))
                .extracting(m -> ((Number) m.get("id")).intValue())
                .containsExactly(1, 3);
    }

    @BackendTest
    void nestedOutsideATransactionIsAClearError(Engine engine) {
        StepVerifier.create(engine.connect(c -> c.nested(n -> n.execute(text("SELECT 1")))))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("nested() needs an open transaction"))
                .verify(T);
    }

    @BackendTest
    void connectionTransactionBeginsOnAnAutocommitConnection(Backend db, Engine engine) {
        createTable(db);
        StepVerifier.create(engine.connect(
                        c -> c.transaction(t -> insert(t, 1).then(Mono.error(new IllegalStateException("x"))))
                                .onErrorResume(e -> Mono.empty())
                                .thenMany(c.transaction(t -> insert(t, 2)))))
                .expectNext(1L)
                .verifyComplete();
        assertThat(db.query("SELECT id FROM items"))
                .extracting(m -> ((Number) m.get("id")).intValue())
                .containsExactly(2);
    }

    @BackendTest
    void isolationLevelPerTransaction(Backend db, Engine engine) {
        createTable(db);
        Long n = engine.transaction(IsolationLevel.SERIALIZABLE, c -> insert(c, 1))
                .single()
                .block(T);
        assertThat(n).isEqualTo(1L);
        if (db.name().equals("postgresql")) {
            String level = engine.transaction(
                            IsolationLevel.SERIALIZABLE,
                            c -> c.scalar(text("SHOW transaction_isolation"), String.class))
                    .single()
                    .block(T);
            assertThat(level).isEqualTo("serializable");
        }
        if (db.name().equals("mariadb")) {
            String level = engine.transaction(
                            IsolationLevel.SERIALIZABLE, c -> c.scalar(text("SELECT @@tx_isolation"), String.class))
                    .single()
                    .block(T);
            assertThat(level).isIn("SERIALIZABLE", "REPEATABLE-READ");
        }
    }

    @BackendTest
    void poolExhaustionFailsTheThirdWithAClearTimeoutAndRecovers(Backend db) {
        createTable(db);
        Engine engine = db.newEngine(EngineOptions.builder()
                .poolMaxSize(2)
                .acquireTimeout(Duration.ofMillis(500))
                .build());
        try {
            Flux<Long> longTx = engine.transaction(c -> c.scalar(text("SELECT 1"), Integer.class)
                    .then(Mono.delay(Duration.ofMillis(1500)))
                    .thenReturn(1L));
            AtomicReference<Throwable> third = new AtomicReference<>();
            Flux.merge(
                            longTx,
                            longTx,
                            Mono.delay(Duration.ofMillis(200))
                                    .thenMany(engine.transaction(c -> c.scalar(text("SELECT 1"), Integer.class)))
                                    .doOnError(third::set)
                                    .onErrorResume(e -> Mono.empty())
                                    .map(Integer::longValue))
                    .subscribeOn(Schedulers.parallel())
                    .blockLast(T);
            assertThat(third.get())
                    .isInstanceOf(PoolTimeoutException.class)
                    .hasMessageContaining("500 ms")
                    .hasMessageContaining("max size 2");
            waitUntil(() -> engine.poolMetrics().acquired() == 0);
            Integer one = engine.connect(c -> c.scalar(text("SELECT 1"), Integer.class))
                    .blockLast(T);
            assertThat(one).isEqualTo(1);
            assertThat(engine.poolMetrics().acquired()).isZero();
        } finally {
            engine.dispose().block(T);
        }
    }

    @BackendTest
    void worksWhenThePipelineHopsSchedulers(Backend db, Engine engine) {
        createTable(db);
        Long n = engine.transaction(c -> insert(c, 1)
                        .publishOn(Schedulers.parallel())
                        .then(insert(c, 2).subscribeOn(Schedulers.boundedElastic()))
                        .publishOn(Schedulers.parallel())
                        .then(c.scalar(text("SELECT COUNT(*) FROM items"), Long.class)))
                .subscribeOn(Schedulers.parallel())
                .single()
                .block(T);
        assertThat(n).isEqualTo(2L);
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
