package io.retort.orm.query;

import static io.retort.orm.query.Fixture.T;
import static io.retort.sql.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.core.Engine;
import io.retort.core.InvalidRequestException;
import io.retort.orm.ObjectState;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.orm.SynchronizeSession;
import io.retort.orm.model.Member;
import io.retort.orm.model.Member_;
import io.retort.orm.model.Team;
import io.retort.orm.model.Team_;
import io.retort.testing.Backend;
import io.retort.testing.BackendTest;
import io.retort.testing.StatementRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** ORM bulk UPDATE / DELETE with each synchronize mode, and chunked bulk INSERT / upsert, on every backend. */
class BulkOperationsTest {

    /** Loads every member, runs {@code work} with them (by id), commits, closes. */
    private static <R> R withAll(
            SessionFactory sessions, Function<Session, Function<Map<Long, Member>, Mono<R>>> work) {
        return sessions.inTransaction(
                        s -> s.select(Member.class).all().collectMap(m -> m.id).flatMap(all -> work.apply(s)
                                .apply(all)))
                .single()
                .block(T);
    }

    private static Map<String, Integer> scoresInDatabase(Backend db) {
        Map<String, Integer> out = new java.util.TreeMap<>();
        for (Map<String, Object> r : db.query("SELECT name, score FROM member")) {
            out.put(String.valueOf(r.get("name")), ((Number) r.get("score")).intValue());
        }
        return out;
    }

    @BackendTest
    void bulkUpdateSynchronizeEvaluateUpdatesLoadedObjectsWithOneStatement(
            Backend db, Engine engine, StatementRecorder rec) {
        SessionFactory sessions = Fixture.create(db, engine);
        List<Object> seen = withAll(sessions, s -> all -> {
            rec.clear();
            return s.bulkUpdate(Member.class)
                    .set(Member_.score, Member_.score.add(5))
                    .where(Member_.teamId.eq(1L), Member_.score.ge(60))
                    .execute() // EVALUATE is the default
                    .flatMap(n -> {
                        List<Object> out = new ArrayList<>();
                        out.add(n);
                        out.add(rec.count());
                        out.add(all.get(1L).score); // spongebob 90 -> 95
                        out.add(all.get(4L).score); // squidward 60 -> 65
                        out.add(all.get(3L).score); // patrick 40: not matched
                        out.add(all.get(5L).score); // plankton: other team
                        out.add(all.get(1L).version);
                        return s.flush().then(Mono.fromSupplier(() -> {
                            out.add(rec.count()); // the synchronized values are clean: nothing flushed
                            return out;
                        }));
                    });
        });
        assertThat(seen).containsExactly(2L, 1, 95, 65, 40, 70, 1, 1);
        assertThat(scoresInDatabase(db))
                .containsEntry("spongebob", 95)
                .containsEntry("squidward", 65)
                .containsEntry("patrick", 40);
    }

    @BackendTest
    void bulkUpdateSynchronizeFetchRefreshesLoadedObjectsForAnyCriteria(
            Backend db, Engine engine, StatementRecorder rec) {
        SessionFactory sessions = Fixture.create(db, engine);
        // criteria with a subquery: EVALUATE refuses them before any SQL, FETCH handles them
        var krustyKrab = Member_.teamId.in(select(Team_.id).where(Team_.title.eq("krusty krab")));
        StepVerifier.create(sessions.inSession(s -> s.bulkUpdate(Member.class)
                        .set(Member_.score, 0)
                        .where(krustyKrab)
                        .execute()))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("bulkUpdate(Member) with SynchronizeSession.EVALUATE cannot evaluate")
                        .hasMessageContaining("use SynchronizeSession.FETCH"))
                .verify(T);
        List<Object> seen = withAll(sessions, s -> all -> {
            rec.clear();
            return s.bulkUpdate(Member.class)
                    .set("score", 1)
                    .where(krustyKrab)
                    .synchronize(SynchronizeSession.FETCH)
                    .execute()
                    .map(n -> List.<Object>of(
                            n, all.get(1L).score, all.get(3L).score, all.get(4L).score, all.get(5L).score));
        });
        assertThat(seen).containsExactly(3L, 1, 1, 1, 70);
        // one UPDATE ... RETURNING where the dialect has it; else SELECT ids, UPDATE, SELECT the loaded rows
        assertThat(rec.sql())
                .as(rec.sql().toString())
                .hasSize(db.dialect().supports(io.retort.dialect.Feature.UPDATE_RETURNING) ? 1 : 3);
        assertThat(rec.count()).isEqualTo(db.dialect().supports(io.retort.dialect.Feature.UPDATE_RETURNING) ? 1 : 3);
        assertThat(scoresInDatabase(db)).containsEntry("spongebob", 1).containsEntry("plankton", 70);
    }

    @BackendTest
    void bulkUpdateSynchronizeNoneLeavesObjectsUntilRefreshed(Backend db, Engine engine, StatementRecorder rec) {
        SessionFactory sessions = Fixture.create(db, engine);
        List<Object> seen = withAll(sessions, s -> all -> {
            rec.clear();
            Member sandy = all.get(2L);
            return s.bulkUpdate(Member.class)
                    .set(Member_.score, 50)
                    .where(Member_.name.eq("sandy"))
                    .synchronize(SynchronizeSession.NONE)
                    .execute()
                    .flatMap(n -> {
                        List<Object> out = new ArrayList<>(List.of(n, rec.count(), sandy.score));
                        return s.refresh(sandy).map(r -> {
                            out.add(r.score);
                            out.add(r == sandy);
                            return out;
                        });
                    });
        });
        assertThat(seen).containsExactly(1L, 1, 95, 50, true);
    }

    @BackendTest
    void evaluatedValuesAreRestoredByRollback(Backend db, Engine engine) {
        SessionFactory sessions = Fixture.create(db, engine);
        List<Integer> seen = sessions.inSession(s -> s.get(Member.class, 1L).flatMap(sponge -> s.bulkUpdate(
                                Member.class)
                        .set(Member_.score, 0)
                        .where(Member_.id.eq(1L))
                        .execute()
                        .map(n -> sponge.score)
                        .flatMap(during -> s.rollback().then(Mono.fromSupplier(() -> List.of(during, sponge.score))))))
                .single()
                .block(T);
        assertThat(seen).containsExactly(0, 90);
        assertThat(scoresInDatabase(db)).containsEntry("spongebob", 90);
    }

    @BackendTest
    void bulkDeleteInEachMode(Backend db, Engine engine, StatementRecorder rec) {
        SessionFactory sessions = Fixture.create(db, engine);
        for (SynchronizeSession mode : SynchronizeSession.values()) {
            List<Object> seen = withAll(sessions, s -> all -> {
                Member victim = all.get(4L); // squidward, score 60
                Member other = all.get(1L);
                return s.bulkDelete(Member.class)
                        .where(Member_.name.eq("squidward"))
                        .synchronize(mode)
                        .execute()
                        .flatMap(n -> {
                            List<Object> out = new ArrayList<>(List.of(n, s.state(victim), s.state(other)));
                            rec.clear();
                            return s.get(Member.class, 4L)
                                    .map(m -> (Object) ("found " + m.name + " " + (m == victim)))
                                    .defaultIfEmpty("gone")
                                    .map(found -> {
                                        out.add(found);
                                        out.add(rec.count());
                                        return out;
                                    });
                        });
            });
            if (mode == SynchronizeSession.NONE) {
                // the object stays in the session (stale): get finds it in the identity map without SQL
                assertThat(seen)
                        .containsExactly(1L, ObjectState.PERSISTENT, ObjectState.PERSISTENT, "found squidward true", 0);
            } else {
                assertThat(seen)
                        .as(mode.toString())
                        .containsExactly(1L, ObjectState.DELETED, ObjectState.PERSISTENT, "gone", 1);
            }
            db.run("INSERT INTO member (id, name, score, team_id, version) VALUES (4, 'squidward', 60, 1, 1)");
        }
        // a committed bulk delete detaches the object; a rolled back one restores it
        List<Object> states = sessions.inSession(s -> s.get(Member.class, 4L).flatMap(sq -> s.bulkDelete(Member.class)
                        .filterBy("name", "squidward")
                        .execute()
                        .then(s.rollback())
                        .then(Mono.fromSupplier(() -> List.<Object>of(s.state(sq), s.contains(sq))))))
                .single()
                .block(T);
        assertThat(states).containsExactly(ObjectState.PERSISTENT, true);
    }

    @BackendTest
    void bulkInsertConsumesAPublisherByDemandInMultiRowChunksWithoutTracking(
            Backend db, Engine engine, StatementRecorder rec) {
        SessionFactory sessions = Fixture.create(db, engine);
        AtomicLong maxRequest = new AtomicLong();
        List<Member> written = new ArrayList<>();
        Flux<Member> source = Flux.range(0, 2500)
                .map(i -> new Member("m" + i, i))
                .doOnNext(m -> {
                    if (written.size() < 3) {
                        written.add(m);
                    }
                })
                .doOnRequest(n -> maxRequest.accumulateAndGet(n, Math::max));
        rec.clear();
        List<Object> seen = sessions.inTransaction(s -> s.bulkInsert(Member.class)
                        .chunkSize(1000)
                        .objects(source)
                        .map(n -> List.<Object>of(n, s.contains(written.get(0)))))
                .single()
                .block(T);
        assertThat(seen).containsExactly(2500L, false);
        assertThat(maxRequest.get()).isLessThanOrEqualTo(1000);
        assertThat(rec.count(sql -> sql.contains("INSERT INTO"))).isEqualTo(3); // 1000 + 1000 + 500 rows
        assertThat(written).allSatisfy(m -> assertThat(m.id).isNotNull().isGreaterThan(5L));
        assertThat(written.get(1).id).isEqualTo(written.get(0).id + 1);
        assertThat(db.query("SELECT count(*) AS n FROM member").get(0).get("n").toString())
                .isEqualTo("2505");

        // maps, by attribute name
        Long teams = sessions.inTransaction(s -> s.bulkInsert(Team.class)
                        .mappings(List.of(Map.of("id", 3L, "title", "the salty spitoon"), Map.of("id", 4L))))
                .single()
                .block(T);
        assertThat(teams).isEqualTo(2L);
        assertThat(db.query("SELECT title FROM team WHERE id = 3").get(0).get("title"))
                .isEqualTo("the salty spitoon");
    }

    @BackendTest
    void upsertOfEntities(Backend db, Engine engine, StatementRecorder rec) {
        SessionFactory sessions = Fixture.create(db, engine);
        sessions.inTransaction(s -> s.bulkInsert(Member.class)
                        .onConflictDoUpdate(List.of(Member_.name), Member_.score)
                        .objects(List.of(new Member("sandy", 99), new Member("gary", 10))))
                .then()
                .block(T);
        assertThat(scoresInDatabase(db))
                .containsEntry("sandy", 99)
                .containsEntry("gary", 10)
                .hasSize(6);
        sessions.inTransaction(s -> s.bulkInsert(Member.class)
                        .onConflictDoNothing(Member_.name)
                        .objects(Flux.just(new Member("sandy", 1), new Member("larry", 77))))
                .then()
                .block(T);
        assertThat(scoresInDatabase(db))
                .containsEntry("sandy", 99)
                .containsEntry("larry", 77)
                .hasSize(7);
    }
}
