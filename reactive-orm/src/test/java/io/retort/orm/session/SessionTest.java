package io.retort.orm.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.retort.core.Engine;
import io.retort.core.IntegrityViolationException;
import io.retort.core.InvalidRequestException;
import io.retort.orm.ObjectState;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.orm.StaleDataException;
import io.retort.orm.model.Member;
import io.retort.orm.model.Team;
import io.retort.testing.Backend;
import io.retort.testing.BackendTest;
import io.retort.testing.StatementRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The session and its unit of work on every backend, with statement counts. */
class SessionTest {
    private static final Duration T = Duration.ofSeconds(60);

    private static SessionFactory sessions(Engine engine) {
        return SessionFactory.builder(engine).entities(Member.class, Team.class).build();
    }

    private static List<Map<String, Object>> rows(Backend db, String sql) {
        return db.query(sql);
    }

    @BackendTest
    void thousandNewObjectsAreInsertedInAtMostTwoStatementsWithEveryIdSet(
            Backend db, Engine engine, StatementRecorder rec) {
        OrmSchema.create(db);
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            members.add(new Member("m" + i, i));
        }
        sessions(engine)
                .inTransaction(s -> {
                    s.addAll(members);
                    return Mono.empty();
                })
                .blockLast(T);
        assertThat(rec.count("INSERT") + rec.count(sql -> sql.startsWith("SELECT") && sql.contains("INSERT")))
                .isBetween(1, 2);
        assertThat(members).allSatisfy(m -> assertThat(m.id).isNotNull());
        assertThat(members.stream().map(m -> m.id).distinct().count()).isEqualTo(1000);
        assertThat(members).allSatisfy(m -> assertThat(m.version).isEqualTo(1));
        Map<String, Object> last = rows(db, "SELECT id, name, score FROM member WHERE name = 'm999'")
                .get(0);
        assertThat(((Number) last.get("id")).longValue()).isEqualTo(members.get(999).id);
    }

    @BackendTest
    void theMappedTablesAreCreatedByCreateAllWithIdentityColumns(Backend db, Engine engine) {
        SessionFactory sessions = sessions(engine);
        sessions.metadata().createAll(engine).block(T);
        Member m = new Member("created", 1);
        sessions.inTransaction(s -> {
                    s.add(new Team(1L, "t"));
                    s.add(m);
                    return Mono.empty();
                })
                .blockLast(T);
        assertThat(m.id).isNotNull();
        assertThat(rows(db, "SELECT name FROM member"))
                .extracting(r -> r.get("name"))
                .containsExactly("created");
    }

    @BackendTest
    void oneChangedAttributeIsOneUpdateOfThatColumnAndNoChangeIsNoDml(
            Backend db, Engine engine, StatementRecorder rec) {
        OrmSchema.create(db);
        db.run("INSERT INTO member (id, name, score, version) VALUES (1, 'sandy', 10, 1)");
        SessionFactory sessions = sessions(engine);
        sessions.inTransaction(s -> s.get(Member.class, 1L).doOnNext(m -> m.score = 11))
                .blockLast(T);
        List<String> dml =
                rec.sql().stream().filter(q -> !q.startsWith("SELECT")).toList();
        assertThat(dml).hasSize(1);
        assertThat(dml.get(0)).startsWith("UPDATE").contains("score").doesNotContain("name");
        assertThat(rows(db, "SELECT score, version FROM member").get(0))
                .extracting(m -> ((Number) m.get("score")).intValue(), m -> ((Number) m.get("version")).intValue())
                .containsExactly(11, 2);

        rec.clear();
        sessions.inTransaction(s -> s.get(Member.class, 1L)).blockLast(T);
        assertThat(rec.sql()).allSatisfy(q -> assertThat(q).startsWith("SELECT"));
        assertThat(rec.count()).isEqualTo(1);
    }

    @BackendTest
    void updatesOfOneShapeAreOneStatement(Backend db, Engine engine, StatementRecorder rec) {
        OrmSchema.create(db);
        for (int i = 1; i <= 20; i++) {
            db.run("INSERT INTO member (id, name, score, version) VALUES (" + i + ", 'u" + i + "', 0, 1)");
        }
        sessions(engine)
                .inTransaction(s -> Flux.range(1, 20)
                        .concatMap(i -> s.get(Member.class, (long) i))
                        .collectList() // load all, then change all (autoflush before each get would write each change)
                        .doOnNext(all -> all.forEach(m -> m.score = m.id.intValue() * 10)))
                .blockLast(T);
        assertThat(rec.count("UPDATE") + rec.count("MERGE")).isEqualTo(1);
        assertThat(rows(db, "SELECT SUM(score) AS s FROM member")
                        .get(0)
                        .values()
                        .iterator()
                        .next()
                        .toString())
                .isEqualTo("2100");
    }

    @BackendTest
    void parentsAreInsertedFirstAndDeletedLastAndSelfReferencesAreOrdered(
            Backend db, Engine engine, StatementRecorder rec) {
        OrmSchema.create(db);
        SessionFactory sessions = sessions(engine);
        Team team = new Team(7L, "seven");
        Member boss = new Member("boss", 1);
        sessions.inTransaction(s -> {
                    Member m = new Member("worker", 2);
                    m.teamId = 7L;
                    s.add(m); // the child is added first
                    boss.teamId = 7L;
                    s.add(boss);
                    s.add(team);
                    return Mono.empty();
                })
                .blockLast(T);
        List<String> inserts =
                rec.sql().stream().filter(q -> q.contains("INSERT")).toList();
        assertThat(inserts.get(0)).contains("team");
        assertThat(inserts.get(1)).contains("member");

        // a mentor chain where the mentee is added before the mentor (ids assigned by the app on an identity table)
        rec.clear();
        sessions.inTransaction(s -> {
                    Member mentee = new Member("mentee", 0);
                    Member mentor = new Member("mentor", 0);
                    mentor.id = 1000L;
                    mentee.id = 1001L;
                    mentee.mentorId = 1000L;
                    s.add(mentee);
                    s.add(mentor);
                    return Mono.empty();
                })
                .blockLast(T);
        assertThat(rows(db, "SELECT mentor_id FROM member WHERE id = 1001")
                        .get(0)
                        .get("mentor_id")
                        .toString())
                .isEqualTo("1000");

        long worker = idOf(db, "worker");
        long bossId = idOf(db, "boss");
        rec.clear();
        sessions.inTransaction(s -> Flux.concat(
                                s.get(Member.class, worker), s.get(Member.class, bossId), s.get(Team.class, 7L))
                        .collectList()
                        .doOnNext(loaded -> loaded.forEach(s::delete)))
                .blockLast(T);
        List<String> deletes =
                rec.sql().stream().filter(q -> q.startsWith("DELETE")).toList();
        assertThat(deletes).hasSize(2);
        assertThat(deletes.get(0)).contains("member");
        assertThat(deletes.get(1)).contains("team");
        assertThat(rows(db, "SELECT COUNT(*) AS n FROM team")
                        .get(0)
                        .values()
                        .iterator()
                        .next()
                        .toString())
                .isEqualTo("0");
    }

    private static long idOf(Backend db, String name) {
        return ((Number) db.query("SELECT id FROM member WHERE name = '" + name + "'")
                        .get(0)
                        .get("id"))
                .longValue();
    }

    @BackendTest
    void theSameIdLoadedTwiceIsTheSameInstanceWithOneSelect(Backend db, Engine engine, StatementRecorder rec) {
        OrmSchema.create(db);
        db.run("INSERT INTO member (id, name, score, version) VALUES (1, 'sandy', 10, 1)");
        List<Member> loaded = sessions(engine)
                .inSession(s -> s.get(Member.class, 1L).concatWith(s.get(Member.class, 1)))
                .collectList()
                .block(T);
        assertThat(loaded).hasSize(2);
        assertThat(loaded.get(0)).isSameAs(loaded.get(1));
        assertThat(rec.count("SELECT")).isEqualTo(1);
    }

    @BackendTest
    void optimisticLockConflictBetweenTwoSessionsIsDetected(Backend db, Engine engine) {
        OrmSchema.create(db);
        db.run("INSERT INTO member (id, name, score, version) VALUES (1, 'sandy', 10, 1)");
        SessionFactory sessions = sessions(engine);
        Session first = sessions.open().block(T);
        Session second = sessions.open().block(T);
        Member a = first.get(Member.class, 1L).block(T);
        Member b = second.get(Member.class, 1L).block(T);
        a.score = 20;
        first.commit().block(T);
        b.score = 30;
        StepVerifier.create(second.commit())
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(StaleDataException.class)
                        .hasMessageContaining("Member")
                        .hasMessageContaining("stale Member id(s): 1 (version 1 is now 2)"))
                .verify(T);
        first.close().block(T);
        second.close().block(T);
        assertThat(rows(db, "SELECT score FROM member").get(0).get("score").toString())
                .isEqualTo("20");
    }

    @BackendTest
    void aUniqueViolationInAFlushLeavesNothingOfThatTransaction(Backend db, Engine engine) {
        OrmSchema.create(db);
        SessionFactory sessions = sessions(engine);
        Session s = sessions.open().block(T);
        Member ok = s.add(new Member("first", 1));
        s.add(new Team(1L, "t"));
        s.flush().block(T);
        s.add(new Member("dup", 1));
        s.add(new Member("dup", 2));
        StepVerifier.create(s.commit())
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(IntegrityViolationException.class)
                        .hasMessageContaining(
                                "Flush failed (INSERT of Member, table member); the transaction was rolled back")
                        .hasMessageContaining("member"))
                .verify(T);
        assertThat(rows(db, "SELECT COUNT(*) AS n FROM member")
                        .get(0)
                        .values()
                        .iterator()
                        .next()
                        .toString())
                .isEqualTo("0");
        assertThat(rows(db, "SELECT COUNT(*) AS n FROM team")
                        .get(0)
                        .values()
                        .iterator()
                        .next()
                        .toString())
                .isEqualTo("0");
        // the session is usable again and matches the database: nothing of the failed transaction is tracked
        assertThat(s.state(ok)).isEqualTo(ObjectState.TRANSIENT);
        assertThat(ok.id).isNull();
        s.add(new Member("after", 3));
        s.commit().block(T);
        assertThat(rows(db, "SELECT name FROM member"))
                .extracting(m -> m.get("name"))
                .containsExactly("after");
        s.close().block(T);
    }

    @BackendTest
    void concurrentQueriesOnOneSessionAreSerialisedAcrossSchedulers(Backend db, Engine engine) {
        OrmSchema.create(db);
        for (int i = 1; i <= 50; i++) {
            db.run("INSERT INTO member (id, name, score, version) VALUES (" + i + ", 'n" + i + "', " + i + ", 1)");
        }
        List<Member> all = sessions(engine)
                .inTransaction(s -> Flux.merge(Flux.range(1, 50).map(i -> s.get(Member.class, (long) i)
                        .publishOn(i % 2 == 0 ? Schedulers.parallel() : Schedulers.boundedElastic())
                        .subscribeOn(Schedulers.parallel()))))
                .collectList()
                .block(T);
        assertThat(all).hasSize(50);
        assertThat(all.stream().mapToInt(m -> m.score).sum()).isEqualTo(50 * 51 / 2);
    }

    @BackendTest
    void aNestedRollbackLeavesTheObjectsMatchingTheDatabase(Backend db, Engine engine) {
        OrmSchema.create(db);
        db.run("INSERT INTO member (id, name, score, version) VALUES (500, 'sandy', 10, 1)");
        SessionFactory sessions = sessions(engine);
        Session s = sessions.open().block(T);
        Member sandy = s.get(Member.class, 500L).block(T);
        Member[] inner = new Member[1];
        s.nested(n -> {
                    sandy.score = 99;
                    inner[0] = n.add(new Member("inner", 5));
                    return n.flush().then(Mono.error(new IllegalStateException("undo")));
                })
                .onErrorResume(IllegalStateException.class, e -> Mono.empty())
                .blockLast(T);
        assertThat(sandy.score).isEqualTo(10);
        assertThat(s.state(sandy)).isEqualTo(ObjectState.PERSISTENT);
        assertThat(s.state(inner[0])).isEqualTo(ObjectState.TRANSIENT);
        assertThat(inner[0].id).isNull();
        s.commit().block(T);
        assertThat(rows(db, "SELECT name, score FROM member"))
                .extracting(m -> m.get("name") + "=" + m.get("score"))
                .containsExactly("sandy=10");
        s.close().block(T);
    }

    @BackendTest
    void anExplicitNestedTransactionRollsBackObjectsToo(Backend db, Engine engine) {
        OrmSchema.create(db);
        Session s = sessions(engine).open().block(T);
        Team kept = s.add(new Team(1L, "kept"));
        io.retort.orm.NestedTransaction sp = s.beginNested().block(T);
        Team undone = s.add(new Team(2L, "undone"));
        kept.title = "changed";
        s.flush().then(sp.rollback()).block(T);
        assertThat(s.state(undone)).isEqualTo(ObjectState.TRANSIENT);
        assertThat(kept.title).isEqualTo("kept");
        io.retort.orm.NestedTransaction sp2 = s.beginNested().block(T);
        s.add(new Team(3L, "three"));
        sp2.commit().then(s.commit()).block(T);
        assertThat(rows(db, "SELECT id FROM team ORDER BY id"))
                .extracting(r -> ((Number) r.get("id")).intValue())
                .containsExactly(1, 3);
        s.close().block(T);
    }

    @BackendTest
    void statesFollowTheObjectLifecycle(Backend db, Engine engine) {
        OrmSchema.create(db);
        SessionFactory sessions = sessions(engine);
        Session s = sessions.open().block(T);
        Member m = new Member("x", 1);
        assertThat(s.state(m)).isEqualTo(ObjectState.TRANSIENT);
        s.add(m);
        assertThat(s.state(m)).isEqualTo(ObjectState.PENDING);
        s.flush().block(T);
        assertThat(s.state(m)).isEqualTo(ObjectState.PERSISTENT);
        s.delete(m);
        assertThat(s.state(m)).isEqualTo(ObjectState.DELETED);
        s.commit().block(T);
        assertThat(s.state(m)).isEqualTo(ObjectState.DETACHED);
        StepVerifier.create(s.refresh(m))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("DETACHED"))
                .verify(T);
        try {
            s.delete(new Member("never", 0));
        } catch (InvalidRequestException e) {
            assertThat(e).hasMessageContaining("TRANSIENT, not in this session");
        }
        s.close().block(T);
    }
}
