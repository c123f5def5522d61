package io.retort.orm.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.retort.core.Engine;
import io.retort.core.EngineOptions;
import io.retort.core.IsolationLevel;
import io.retort.orm.Autobegin;
import io.retort.orm.MappingException;
import io.retort.orm.ObjectState;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.orm.model.Enrollment;
import io.retort.orm.model.Member;
import io.retort.orm.model.Team;
import io.retort.sql.Sql;
import io.retort.testing.Backend;
import io.retort.testing.BackendTest;
import io.retort.testing.StatementRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * When a session begins its transaction ({@link Autobegin}), what it sends around reads and writes, {@code getAll},
 * closing, and concurrent flushes of overlapping rows (no deadlock) — on every backend.
 */
class AutobeginAndGetAllTest {
    private static final Duration T = Duration.ofSeconds(60);

    private static SessionFactory sessions(Engine engine, Autobegin autobegin) {
        return SessionFactory.builder(engine)
                .entities(Member.class, Team.class, Enrollment.class)
                .autobegin(autobegin)
                .build();
    }

    private static void schema(Backend db, int teams) {
        OrmSchema.create(db);
        db.run("CREATE TABLE enrollment (student_id BIGINT NOT NULL, course VARCHAR(255) NOT NULL, grade INTEGER,"
                + " PRIMARY KEY (student_id, course))");
        StringBuilder sb = new StringBuilder("INSERT INTO team (id, title) VALUES ");
        for (int i = 1; i <= teams; i++) {
            sb.append(i == 1 ? "" : ", ")
                    .append("(")
                    .append(i)
                    .append(", 't")
                    .append(i)
                    .append("')");
        }
        db.run(sb.toString());
    }

    /**
     * The statements and transaction control an engine sent while {@code work} ran, one word each ("SELECT",
     * "BEGIN", "UPDATE", "COMMIT", "ROLLBACK", ...), read from the engine's log.
     */
    private static List<String> sent(Supplier<?> work) {
        Logger logger = (Logger) LoggerFactory.getLogger("io.retort.engine");
        Level level = logger.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        try {
            work.get();
        } finally {
            logger.setLevel(level);
            logger.detachAppender(appender);
        }
        List<String> out = new ArrayList<>();
        for (ILoggingEvent e : appender.list) {
            String m = e.getFormattedMessage().stripLeading();
            if (m.startsWith("[")) {
                continue; // "[n rows in t ms]"
            }
            String word = m.split("[\\s(]", 2)[0].toUpperCase(Locale.ROOT);
            out.add(word);
        }
        return out;
    }

    @BackendTest
    void aSessionThatOnlyReadsSendsNoBeginAndNoRollback(Backend db, Engine engine) {
        schema(db, 3);
        SessionFactory sessions = sessions(engine, Autobegin.ON_FIRST_WRITE);
        List<String> sent =
                sent(() -> sessions.inSession(s -> s.get(Team.class, 2L)).blockLast(T));
        assertThat(sent).containsExactly("SELECT");

        List<String> query = sent(
                () -> sessions.inTransaction(s -> s.select(Team.class).all().concatWith(s.get(Team.class, 1L)))
                        .collectList()
                        .block(T));
        assertThat(query).containsExactly("SELECT"); // get(1) came from the identity map; nothing to commit
    }

    @BackendTest
    void onFirstStatementBeginsBeforeTheFirstReadAndRollsBackOnClose(Backend db, Engine engine) {
        schema(db, 3);
        SessionFactory sessions = sessions(engine, Autobegin.ON_FIRST_STATEMENT);
        List<String> sent =
                sent(() -> sessions.inSession(s -> s.get(Team.class, 2L)).blockLast(T));
        assertThat(sent).containsExactly("BEGIN", "SELECT", "ROLLBACK");
    }

    @BackendTest
    void aWriteBeginsTheTransactionAfterTheReadsAndCommitsIt(Backend db, Engine engine) {
        schema(db, 3);
        SessionFactory sessions = sessions(engine, Autobegin.ON_FIRST_WRITE);
        List<String> sent =
                sent(() -> sessions.inTransaction(s -> s.get(Team.class, 2L).doOnNext(t -> t.title = "renamed"))
                        .blockLast(T));
        assertThat(sent).containsExactly("SELECT", "BEGIN", "UPDATE", "COMMIT");
        assertThat(db.query("SELECT title FROM team WHERE id = 2").get(0).get("title"))
                .isEqualTo("renamed");

        // a failed flush after autocommit reads still rolls back everything it wrote
        List<String> failed = sent(() -> {
            assertThatThrownBy(() -> sessions.inTransaction(
                                    s -> s.get(Team.class, 1L).doOnNext(t -> {
                                        t.title = "changed";
                                        s.add(new Team(3L, "duplicate id"));
                                    }))
                            .blockLast(T))
                    .isInstanceOf(io.retort.core.IntegrityViolationException.class);
            return null;
        });
        assertThat(failed).startsWith("SELECT", "BEGIN").endsWith("ROLLBACK");
        assertThat(db.query("SELECT title FROM team WHERE id = 1").get(0).get("title"))
                .isEqualTo("t1");
    }

    @BackendTest
    void lockingSelectsAndStatementsThatMayWriteRunInTheTransaction(Backend db, Engine engine) {
        schema(db, 3);
        SessionFactory sessions = sessions(engine, Autobegin.ON_FIRST_WRITE);
        io.retort.schema.Table team = sessions.metadata().table("team");
        List<String> locking = sent(() -> sessions.inTransaction(s -> s.scalars(Sql.select(Team.class)
                        .where(team.c("id", Long.class).eq(1L))
                        .forUpdate()))
                .blockLast(T));
        assertThat(locking).containsExactly("BEGIN", "SELECT", "COMMIT");

        List<String> text =
                sent(() -> sessions.inTransaction(s -> s.execute(Sql.text("UPDATE team SET title = 'x' WHERE id = 3")))
                        .blockLast(T));
        assertThat(text).containsExactly("BEGIN", "UPDATE", "COMMIT");
        assertThat(db.query("SELECT title FROM team WHERE id = 3").get(0).get("title"))
                .isEqualTo("x");
    }

    @BackendTest
    void anEngineAtRepeatableReadMakesSessionsBeginOnTheirFirstStatement(Backend db) {
        schema(db, 3);
        Engine engine = db.newEngine(EngineOptions.builder()
                .isolationLevel(IsolationLevel.REPEATABLE_READ)
                .build());
        try {
            SessionFactory sessions = sessions(engine, Autobegin.ON_FIRST_WRITE);
            assertThat(sessions.autobegin()).isEqualTo(Autobegin.ON_FIRST_STATEMENT);
            List<String> sent =
                    sent(() -> sessions.inSession(s -> s.get(Team.class, 2L)).blockLast(T));
            assertThat(sent).containsExactly("BEGIN", "SELECT", "ROLLBACK");
        } finally {
            engine.dispose().block(T);
        }
    }

    @BackendTest
    void getAllReadsTheIdentityMapFirstAndTheRestInOneSelectInTheOrderGiven(
            Backend db, Engine engine, StatementRecorder rec) {
        schema(db, 10);
        SessionFactory sessions = sessions(engine, Autobegin.ON_FIRST_WRITE);
        Session s = sessions.open().block(T);
        try {
            Team two = s.get(Team.class, 2L).block(T);
            rec.clear();
            List<Team> teams = s.getAll(Team.class, List.of(7L, 2L, 99L, 3L, 7L))
                    .collectList()
                    .block(T);
            assertThat(teams).extracting(t -> t.id).containsExactly(7L, 2L, 3L); // 99 has no row; 7 once
            assertThat(teams.get(1)).isSameAs(two);
            assertThat(rec.count()).isEqualTo(1);
            assertThat(rec.sql().get(0)).contains("IN");
            assertThat(s.getAll(Team.class, List.of(3L, 7L)).collectList().block(T))
                    .containsExactly(teams.get(2), teams.get(0));
            assertThat(rec.count()).isEqualTo(1); // all from the identity map now

            s.delete(teams.get(0));
            assertThat(s.getAll(Team.class, List.of(7L, 3L)).collectList().block(T))
                    .containsExactly(teams.get(2)); // deleted in this session: skipped
            assertThat(s.getAll(Team.class, List.of()).collectList().block(T)).isEmpty();
            assertThatThrownBy(
                            () -> s.getAll(Team.class, List.of(List.of(1L, 2L))).blockLast(T))
                    .isInstanceOf(MappingException.class)
                    .hasMessageContaining("single id attribute 'id'");
        } finally {
            s.close().block(T);
        }
    }

    @BackendTest
    void twoSessionFactoriesOfTheSameClassesBothLoad(Backend db, Engine engine, StatementRecorder rec) {
        schema(db, 5);
        SessionFactory first = sessions(engine, Autobegin.ON_FIRST_WRITE);
        SessionFactory second = sessions(engine, Autobegin.ON_FIRST_WRITE); // maps the same classes again
        for (SessionFactory f : List.of(first, second)) {
            List<Team> teams = f.inSession(s -> s.getAll(Team.class, List.of(1L, 2L)))
                    .collectList()
                    .block(T);
            assertThat(teams).extracting(t -> t.id).containsExactly(1L, 2L);
        }
        assertThat(rec.sql()).allSatisfy(sql -> assertThat(sql).containsOnlyOnce("FROM team"));
    }

    @BackendTest
    void getAllLoadsCompositeKeysAndChunksLongIdListsAtFiveHundred(Backend db, Engine engine, StatementRecorder rec) {
        schema(db, 1200);
        db.run("INSERT INTO enrollment (student_id, course, grade) VALUES (1, 'math', 5), (1, 'art', 4),"
                + " (2, 'math', 3)");
        SessionFactory sessions = sessions(engine, Autobegin.ON_FIRST_WRITE);
        rec.clear();
        List<Enrollment> found = sessions.inSession(s -> s.getAll(
                        Enrollment.class, List.of(List.of(2L, "math"), new Object[] {1L, "art"}, List.of(3L, "x"))))
                .collectList()
                .block(T);
        assertThat(found)
                .extracting(e -> e.studentId + "/" + e.course + "/" + e.grade)
                .containsExactly("2/math/3", "1/art/4");
        assertThat(rec.count()).isEqualTo(1);

        List<Long> ids = new ArrayList<>();
        for (long i = 1200; i >= 1; i--) {
            ids.add(i);
        }
        rec.clear();
        List<Team> all =
                sessions.inSession(s -> s.getAll(Team.class, ids)).collectList().block(T);
        assertThat(all).hasSize(1200);
        assertThat(all.get(0).id).isEqualTo(1200L);
        assertThat(all.get(1199).id).isEqualTo(1L);
        assertThat(rec.count()).isEqualTo(3); // 500 + 500 + 200
    }

    @BackendTest
    void closingDetachesLoadedObjectsAndLeavesPendingOnesTransient(Backend db, Engine engine) {
        schema(db, 3);
        SessionFactory sessions = sessions(engine, Autobegin.ON_FIRST_WRITE);
        Session s = sessions.open().block(T);
        Team loaded = s.get(Team.class, 1L).block(T);
        Team pending = s.add(new Team(50L, "never flushed"));
        assertThat(s.state(loaded)).isEqualTo(ObjectState.PERSISTENT);
        assertThat(s.state(null)).isEqualTo(ObjectState.TRANSIENT);
        assertThatThrownBy(() -> s.delete(null))
                .isInstanceOf(io.retort.core.InvalidRequestException.class)
                .hasMessageContaining("null");
        s.close().block(T);
        assertThat(s.state(loaded)).isEqualTo(ObjectState.DETACHED);
        assertThat(s.state(pending)).isEqualTo(ObjectState.TRANSIENT);
        assertThat(s.contains(loaded)).isFalse();
        assertThatThrownBy(() -> s.add(new Team(51L, "x")))
                .isInstanceOf(io.retort.core.InvalidRequestException.class)
                .hasMessageContaining("closed");
        assertThat(db.query("SELECT count(*) AS n FROM team").get(0).get("n").toString())
                .isEqualTo("3");
    }

    @BackendTest
    void entitiesReadByExecuteAreHydratedEvenWhenACloseWaitsBehindTheQuery(Backend db, Engine engine) {
        schema(db, 3);
        Session s = sessions(engine, Autobegin.ON_FIRST_WRITE).open().block(T);
        // the close is queued behind the query; the rows' entities must be built while the session is open
        List<Object> got = Flux.merge(
                        s.execute(Sql.select(Team.class)).map(r -> (Object) r),
                        s.close().then(Mono.empty()))
                .collectList()
                .block(T);
        assertThat(got).hasSize(3);
        assertThat(s.state(((io.retort.orm.EntityRow) got.get(0)).entity(Team.class)))
                .isEqualTo(ObjectState.DETACHED);
    }

    /**
     * Two sessions deadlock in their flushes (each holds the row the other wants): the database picks a victim,
     * whose flush fails with a {@link io.retort.core.TransactionRollbackException} and rolls back; the winner
     * commits; and the victim's connection goes back to the pool clean (not in an aborted transaction): forty
     * sessions after it, on the same two connections, all read and write.
     */
    @BackendTest
    @io.retort.testing.RequiresFeature(io.retort.dialect.Feature.DEADLOCK_DETECTION)
    void aDeadlockedFlushRollsBackAndLeavesItsConnectionClean(Backend db) {
        schema(db, 2);
        Engine engine = db.newEngine(EngineOptions.builder().poolMaxSize(2).build());
        try {
            SessionFactory sessions = sessions(engine, Autobegin.ON_FIRST_WRITE);
            reactor.core.publisher.Sinks.Empty<Void> aLocked = reactor.core.publisher.Sinks.empty();
            reactor.core.publisher.Sinks.Empty<Void> bLocked = reactor.core.publisher.Sinks.empty();
            java.util.function.BiFunction<Long, Long, Mono<String>> unit =
                    (first, second) -> sessions.inTransaction(s -> s.execute(
                                            Sql.text("UPDATE team SET title = 'x' WHERE id = :id"),
                                            java.util.Map.of("id", first))
                                    .then(Mono.fromRunnable(() -> (first == 1L ? aLocked : bLocked).tryEmitEmpty()))
                                    .then((first == 1L ? bLocked : aLocked).asMono())
                                    .then(s.get(Team.class, second))
                                    .doOnNext(t -> t.title = "by " + first)
                                    .then(s.flush())
                                    .thenReturn("committed"))
                            .single()
                            .onErrorResume(e -> Mono.just(e.getClass().getSimpleName()));
            List<String> outcomes = Flux.merge(unit.apply(1L, 2L), unit.apply(2L, 1L))
                    .collectList()
                    .block(T);
            assertThat(outcomes).containsExactlyInAnyOrder("committed", "TransactionRollbackException");

            List<Long> done = Flux.range(0, 40)
                    .flatMap(
                            i -> sessions.inTransaction(s -> s.get(Team.class, 1L + (i % 2))
                                            .doOnNext(t -> t.title = "t" + i)
                                            .map(t -> t.id))
                                    .single(),
                            4)
                    .collectList()
                    .block(T);
            assertThat(done).hasSize(40);
        } finally {
            engine.dispose().block(T);
        }
    }

    /**
     * Sixteen sessions at once, eight connections, each changing the same twenty of forty rows read in its own
     * random order: every flush's one UPDATE must lock its rows in key order, or two of them deadlock.
     */
    @BackendTest
    void concurrentFlushesOfOverlappingRowsDoNotDeadlock(Backend db) {
        schema(db, 40);
        Engine engine = db.newEngine(EngineOptions.builder().poolMaxSize(8).build());
        try {
            SessionFactory sessions = sessions(engine, Autobegin.ON_FIRST_WRITE);
            Random random = new Random(7);
            List<List<Long>> work = new ArrayList<>();
            for (int t = 0; t < 200; t++) {
                List<Long> ids = new ArrayList<>();
                for (long i = 1; i <= 40; i++) {
                    ids.add(i);
                }
                Collections.shuffle(ids, random);
                work.add(new ArrayList<>(ids.subList(0, 20)));
            }
            AtomicInteger failures = new AtomicInteger();
            Long changed = Flux.fromIterable(work)
                    .flatMap(
                            ids -> sessions.inTransaction(s -> s.getAll(Team.class, ids)
                                            .doOnNext(t -> t.title = t.title.length() > 30 ? "t" : t.title + "+")
                                            .count())
                                    .single()
                                    .doOnError(e -> failures.incrementAndGet())
                                    .onErrorResume(e -> Mono.just(0L)),
                            16)
                    .reduce(0L, Long::sum)
                    .block(Duration.ofMinutes(2));
            assertThat(failures.get()).isZero();
            assertThat(changed).isEqualTo(200L * 20);
        } finally {
            engine.dispose().block(T);
        }
    }
}
