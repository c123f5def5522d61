package io.retort.orm.relationships;

import static io.retort.orm.Loading.selectinload;
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
import io.retort.orm.relationships.model.Address;
import io.retort.orm.relationships.model.Customer;
import io.retort.orm.relationships.model.Customer_;
import io.retort.sql.Sql;
import io.retort.testing.Backend;
import io.retort.testing.BackendTest;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Regressions found by review: ids, savepoints, rollbacks with relationships, merge versions, expired objects. */
class SessionEdgeCasesTest {
    private static final Duration T = Duration.ofSeconds(60);

    private static SessionFactory sessions(Engine engine) {
        return Fixtures.sessions(engine, Member.class, Team.class);
    }

    @BackendTest
    void changingAPrimaryKeyIsRefusedInsteadOfWritingAnotherRow(Backend db, Engine engine) {
        SessionFactory sessions = sessions(engine);
        db.run("INSERT INTO team (id, title) VALUES (1, 'one')", "INSERT INTO team (id, title) VALUES (2, 'two')");
        Session s = sessions.open().block(T);
        Team one = s.get(Team.class, 1L).block(T);
        one.id = 2L;
        one.title = "ONE";
        StepVerifier.create(s.commit())
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("primary key of a persistent Team changed from [1] to [2]"))
                .verify(T);
        s.close().block(T);
        assertThat(db.query("SELECT title FROM team ORDER BY id"))
                .extracting(r -> r.get("title"))
                .containsExactly("one", "two");
    }

    @BackendTest
    void aFailedFlushInsideASavepointKeepsTheOuterWork(Backend db, Engine engine) {
        SessionFactory sessions = sessions(engine);
        Session s = sessions.open().block(T);
        Member a = s.add(new Member("a", 1));
        s.flush().block(T);
        StepVerifier.create(s.nested(n -> {
                    n.add(new Member("a", 2)); // unique violation
                    return n.flush();
                }))
                .expectError(IntegrityViolationException.class)
                .verify(T);
        assertThat(s.state(a)).isEqualTo(ObjectState.PERSISTENT);
        s.commit().block(T);
        s.close().block(T);
        assertThat(db.query("SELECT name FROM member"))
                .extracting(r -> r.get("name"))
                .containsExactly("a");
    }

    @BackendTest
    void aRolledBackChildIsNotWrittenByTheNextCommit(Backend db, Engine engine) {
        SessionFactory sessions = sessions(engine);
        Customer c = new Customer("c");
        sessions.inTransaction(s -> {
                    s.add(c);
                    return Mono.empty();
                })
                .blockLast(T);
        Session s = sessions.open().block(T);
        Customer loaded = s.select(Customer.class)
                .options(selectinload(Customer_.addresses))
                .one()
                .block(T);
        loaded.addresses.add(new Address("gone@x"));
        s.flush().then(s.rollback()).block(T);
        s.commit().block(T);
        s.close().block(T);
        assertThat(db.query("SELECT COUNT(*) AS n FROM address")
                        .get(0)
                        .values()
                        .iterator()
                        .next()
                        .toString())
                .isEqualTo("0");
    }

    @BackendTest
    void sessionOperationsPerRowOfAnExecuteDoNotDeadlock(Backend db, Engine engine) {
        SessionFactory sessions = sessions(engine);
        for (int i = 1; i <= 60; i++) {
            db.run("INSERT INTO team (id, title) VALUES (" + i + ", 't" + i + "')");
        }
        Long n = sessions.inSession(s -> s.execute(Sql.text("SELECT id FROM team"))
                        .concatMap(r -> s.get(Team.class, r.get(0, Long.class)))
                        .count())
                .single()
                .block(T);
        assertThat(n).isEqualTo(60L);
    }

    @BackendTest
    void mergingAStaleVersionIsRefused(Backend db, Engine engine) {
        SessionFactory sessions = sessions(engine);
        Member m = new Member("v", 1);
        sessions.inTransaction(s -> {
                    s.add(m);
                    return Mono.empty();
                })
                .blockLast(T);
        sessions.inTransaction(s -> s.get(Member.class, m.id).doOnNext(x -> x.score = 2))
                .blockLast(T);
        m.score = 3; // a detached copy still at version 1
        StepVerifier.create(sessions.inTransaction(s -> s.merge(m)))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(StaleDataException.class)
                        .hasMessageContaining("version 1, but the row is at version 2"))
                .verify(T);
        assertThat(db.query("SELECT score FROM member").get(0).get("score").toString())
                .isEqualTo("2");
    }

    @BackendTest
    void anExpiredObjectKeepsChangesMadeBeforeItIsReloaded(Backend db, Engine engine) {
        SessionFactory sessions = sessions(engine);
        Session s = sessions.open().block(T);
        Team t = s.add(new Team(1L, "old"));
        s.commit().block(T); // expires t
        t.title = "changed";
        s.noAutoflush(n -> n.select(Team.class).all()).blockLast(T);
        assertThat(t.title).isEqualTo("changed");
        s.commit().block(T);
        s.close().block(T);
        assertThat(db.query("SELECT title FROM team").get(0).get("title")).isEqualTo("changed");
    }

    @BackendTest
    void aLazyFetchFlushesAPendingMoveFirst(Backend db, Engine engine) {
        SessionFactory sessions = sessions(engine);
        Customer a = new Customer("a");
        Customer b = new Customer("b");
        a.addresses.add(new Address("x@x"));
        sessions.inTransaction(s -> {
                    s.add(a);
                    s.add(b);
                    return Mono.empty();
                })
                .blockLast(T);
        List<Integer> sizes = sessions.inTransaction(s -> Mono.zip(
                                s.select(Customer.class).filterBy("name", "a").one(),
                                s.select(Customer.class).filterBy("name", "b").one(),
                                s.select(Address.class).one())
                        .flatMap(t -> {
                            t.getT3().customer.set(t.getT2()); // move x to b
                            return t.getT1().addresses.fetch().map(List::size);
                        }))
                .collectList()
                .block(T);
        assertThat(sizes).containsExactly(0);
        assertThat(db.query("SELECT c.name FROM address a JOIN customer c ON c.id = a.customer_id")
                        .get(0)
                        .get("name"))
                .isEqualTo("b");
    }
}
