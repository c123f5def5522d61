package io.retort.orm.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.core.Engine;
import io.retort.orm.MappingException;
import io.retort.orm.ObjectState;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.orm.model.Enrollment;
import io.retort.orm.model.Member;
import io.retort.orm.model.Note;
import io.retort.orm.model.Team;
import io.retort.testing.Backend;
import io.retort.testing.BackendTest;
import io.retort.testing.StatementRecorder;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** refresh, merge, expire, autoflush, composite and UUID ids, enums; the SQL shape of batched writes. */
class SessionOperationsTest {
    private static final Duration T = Duration.ofSeconds(60);

    private static SessionFactory sessions(Engine engine) {
        return SessionFactory.builder(engine)
                .entities(Member.class, Team.class, Enrollment.class, Note.class)
                .build();
    }

    private static void schema(Backend db) {
        OrmSchema.create(db);
        db.run(
                "CREATE TABLE enrollment (student_id BIGINT NOT NULL, course VARCHAR(255) NOT NULL, grade INTEGER,"
                        + " PRIMARY KEY (student_id, course))",
                "CREATE TABLE note (id VARCHAR(255) PRIMARY KEY, body VARCHAR(255), kind VARCHAR(255))");
    }

    @BackendTest
    void batchedUpdatesUseTheDialectsOneStatementForm(Backend db, Engine engine, StatementRecorder rec) {
        schema(db);
        db.run(
                "INSERT INTO member (id, name, score, version) VALUES (1, 'a', 0, 1)",
                "INSERT INTO member (id, name, score, version) VALUES (2, 'b', 0, 1)");
        sessions(engine)
                .inTransaction(s -> Flux.concat(s.get(Member.class, 1L), s.get(Member.class, 2L))
                        .collectList()
                        .doOnNext(all -> all.forEach(m -> m.score = 5)))
                .blockLast(T);
        List<String> updates =
                rec.sql().stream().filter(q -> !q.startsWith("SELECT")).toList();
        assertThat(updates).hasSize(1);
        String expected =
                switch (db.name()) {
                    case "postgresql" ->
                        "UPDATE member SET score = v.c2, version = v.c1 + 1 FROM (SELECT v.c0, v.c1, v.c2 FROM"
                                + " (VALUES ($1, $2, $3), ($4, $5, $6)) AS v(c0, c1, c2) JOIN member AS k ON k.id ="
                                + " v.c0 ORDER BY k.id FOR UPDATE OF k) AS v WHERE member.id = v.c0 AND member.version"
                                + " = v.c1";
                    case "mariadb" ->
                        "UPDATE member JOIN (WITH v(c0, c1, c2) AS (VALUES (?, ?, ?), (?, ?, ?)) SELECT * FROM v)"
                                + " AS v ON member.id = v.c0 AND member.version = v.c1 SET member.score = v.c2,"
                                + " member.version = v.c1 + 1";
                    default -> "UPDATE member SET score = $1, version = version + 1 WHERE id = $2 AND version = $3";
                };
        assertThat(updates.get(0)).isEqualTo(expected);
        assertThat(db.query("SELECT score, version FROM member ORDER BY id"))
                .extracting(m -> m.get("score") + "/" + m.get("version"))
                .containsExactly("5/2", "5/2");
    }

    @BackendTest
    void refreshDiscardsUnflushedChangesAndExpireReloadsOnNextLoad(Backend db, Engine engine) {
        schema(db);
        db.run("INSERT INTO member (id, name, score, version) VALUES (1, 'a', 1, 1)");
        Session s = sessions(engine).open().block(T);
        Member m = s.get(Member.class, 1L).block(T);
        m.score = 42;
        assertThat(s.refresh(m).block(T)).isSameAs(m);
        assertThat(m.score).isEqualTo(1);
        db.run("UPDATE member SET score = 7 WHERE id = 1");
        assertThat(s.get(Member.class, 1L).block(T).score).isEqualTo(1); // identity map, no SQL
        s.expire(m);
        assertThat(s.get(Member.class, 1L).block(T).score).isEqualTo(7); // expired: reloaded
        s.close().block(T);
    }

    @BackendTest
    void mergeCopiesADetachedObjectOntoThePersistentOne(Backend db, Engine engine) {
        schema(db);
        db.run("INSERT INTO team (id, title) VALUES (1, 'old')");
        SessionFactory sessions = sessions(engine);
        Team detached = new Team(1L, "new");
        Team merged = sessions.inTransaction(s -> s.merge(detached)).single().block(T);
        assertThat(merged).isNotSameAs(detached);
        assertThat(merged.title).isEqualTo("new");
        assertThat(db.query("SELECT title FROM team").get(0).get("title")).isEqualTo("new");
        Team fresh = sessions.inTransaction(s -> s.merge(new Team(2L, "two")))
                .single()
                .block(T);
        assertThat(fresh.id).isEqualTo(2L);
        assertThat(db.query("SELECT COUNT(*) AS n FROM team")
                        .get(0)
                        .values()
                        .iterator()
                        .next()
                        .toString())
                .isEqualTo("2");
    }

    @BackendTest
    void autoflushWritesPendingChangesBeforeAQueryUnlessTurnedOff(Backend db, Engine engine, StatementRecorder rec) {
        schema(db);
        db.run("INSERT INTO member (id, name, score, version) VALUES (1, 'a', 1, 1)");
        SessionFactory sessions = sessions(engine);
        sessions.inTransaction(s -> {
                    s.add(new Team(5L, "five"));
                    return s.get(Member.class, 1L);
                })
                .blockLast(T);
        assertThat(rec.sql().get(0)).startsWith("INSERT INTO team");
        rec.clear();
        sessions.inTransaction(s -> s.noAutoflush(n -> {
                    n.add(new Team(6L, "six"));
                    return n.get(Member.class, 1L);
                }))
                .blockLast(T);
        assertThat(rec.sql().get(0)).startsWith("SELECT");
        assertThat(rec.sql().get(1)).startsWith("INSERT INTO team");
    }

    @BackendTest
    void compositeIdsUuidIdsAndEnumsRoundTrip(Backend db, Engine engine) {
        schema(db);
        SessionFactory sessions = sessions(engine);
        Note note = new Note("write tests", Note.Kind.TODO);
        sessions.inTransaction(s -> {
                    s.add(new Enrollment(1L, "math", 90));
                    s.add(new Enrollment(1L, "art", 70));
                    s.add(note);
                    return Mono.empty();
                })
                .blockLast(T);
        assertThat(note.id).hasSize(36);
        List<Object> loaded = sessions.inSession(s -> Flux.concat(
                        s.get(Enrollment.class, new Object[] {1L, "art"}),
                        s.get(Enrollment.class, List.of(1L, "math")),
                        s.get(Note.class, note.id)))
                .collectList()
                .block(T);
        assertThat(((Enrollment) loaded.get(0)).grade).isEqualTo(70);
        assertThat(((Enrollment) loaded.get(1)).grade).isEqualTo(90);
        assertThat(((Note) loaded.get(2)).kind).isEqualTo(Note.Kind.TODO);
        assertThat(db.query("SELECT kind FROM note").get(0).get("kind")).isEqualTo("TODO");

        sessions.inTransaction(
                        s -> s.get(Enrollment.class, new Object[] {1L, "art"}).doOnNext(s::delete))
                .blockLast(T);
        assertThat(db.query("SELECT course FROM enrollment"))
                .extracting(m -> m.get("course"))
                .containsExactly("math");

        assertThatThrownBy(() ->
                        sessions.inSession(s -> s.get(Enrollment.class, 1L)).blockLast(T))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("composite id [studentId, course]");
    }

    @BackendTest
    void inSessionRollsBackWhatWasNotCommittedAndDetachesObjects(Backend db, Engine engine) {
        schema(db);
        SessionFactory sessions = sessions(engine);
        Session[] held = new Session[1];
        Team t = new Team(1L, "t");
        sessions.inSession(s -> {
                    held[0] = s;
                    s.add(t);
                    return s.flush();
                })
                .blockLast(T);
        assertThat(db.query("SELECT COUNT(*) AS n FROM team")
                        .get(0)
                        .values()
                        .iterator()
                        .next()
                        .toString())
                .isEqualTo("0");
        assertThat(held[0].state(t)).isIn(ObjectState.TRANSIENT, ObjectState.DETACHED);
        assertThatThrownBy(() -> held[0].add(new Team(2L, "x"))).hasMessageContaining("session is closed");
    }
}
