package io.retort.orm.query;

import static io.retort.orm.query.Fixture.T;
import static io.retort.orm.query.Fixture.in;
import static io.retort.sql.Sql.func;
import static io.retort.sql.Sql.not;
import static io.retort.sql.Sql.or;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.core.Engine;
import io.retort.core.InvalidRequestException;
import io.retort.orm.EntityQuery;
import io.retort.orm.Keyset;
import io.retort.orm.MappingException;
import io.retort.orm.Page;
import io.retort.orm.SessionFactory;
import io.retort.orm.model.Member;
import io.retort.orm.model.Member_;
import io.retort.orm.model.Team;
import io.retort.orm.model.Team_;
import io.retort.testing.Backend;
import io.retort.testing.BackendTest;
import io.retort.testing.StatementRecorder;
import java.util.List;
import java.util.function.Function;
import reactor.test.StepVerifier;

/** Every operator and terminal of the ORM query on the fixed data set ({@link Fixture}), on every backend. */
class QueryOperatorsTest {

    private static List<String> names(SessionFactory sessions, Function<EntityQuery<Member>, EntityQuery<Member>> q) {
        return in(
                sessions,
                s -> q.apply(s.select(Member.class)).all().map(m -> m.name).collectList());
    }

    @BackendTest
    void everyOperator(Backend db, Engine engine) {
        SessionFactory sessions = Fixture.create(db, engine);
        assertThat(names(sessions, q -> q.where(Member_.name.eq("sandy")))).containsExactly("sandy");
        assertThat(names(sessions, q -> q.where(Member_.score.ne(90)).orderBy("id")))
                .containsExactly("sandy", "patrick", "squidward", "plankton");
        assertThat(names(sessions, q -> q.where(Member_.score.lt(60)))).containsExactly("patrick");
        assertThat(names(sessions, q -> q.where(Member_.score.le(60)).orderBy("name")))
                .containsExactly("patrick", "squidward");
        assertThat(names(sessions, q -> q.where(Member_.score.gt(90)))).containsExactly("sandy");
        assertThat(names(sessions, q -> q.where(Member_.score.ge(90)).orderBy("-score")))
                .containsExactly("sandy", "spongebob");
        assertThat(names(sessions, q -> q.where(Member_.teamId.isNull()))).containsExactly("sandy");
        assertThat(names(sessions, q -> q.where(Member_.mentorId.isNotNull()))).containsExactly("patrick");
        assertThat(names(sessions, q -> q.where(Member_.id.in(1L, 5L)).orderBy("id")))
                .containsExactly("spongebob", "plankton");
        assertThat(names(sessions, q -> q.where(Member_.id.notIn(1L, 2L, 3L)).orderBy("id")))
                .containsExactly("squidward", "plankton");
        assertThat(names(sessions, q -> q.where(Member_.score.between(60, 90)).orderBy("score")))
                .containsExactly("squidward", "plankton", "spongebob");
        assertThat(names(sessions, q -> q.where(Member_.name.like("s%")).orderBy("name")))
                .containsExactly("sandy", "spongebob", "squidward");
        assertThat(names(sessions, q -> q.where(Member_.name.notLike("%a%")).orderBy("name")))
                .containsExactly("spongebob");
        assertThat(names(sessions, q -> q.where(Member_.name.startsWith("sq")))).containsExactly("squidward");
        assertThat(names(sessions, q -> q.where(Member_.name.endsWith("ton")))).containsExactly("plankton");
        assertThat(names(sessions, q -> q.where(Member_.name.contains("tri")))).containsExactly("patrick");
        assertThat(names(sessions, q -> q.where(Member_.score.gt(50).and(Member_.teamId.eq(1L)))
                        .orderBy("id")))
                .containsExactly("spongebob", "squidward");
        assertThat(names(sessions, q -> q.where(or(Member_.score.lt(50), Member_.score.gt(90)))
                        .orderBy("id")))
                .containsExactly("sandy", "patrick");
        assertThat(names(sessions, q -> q.where(not(Member_.name.like("s%"))).orderBy("id")))
                .containsExactly("patrick", "plankton");
        assertThat(names(sessions, q -> q.filter(Member_.score.add(10).gt(100))))
                .containsExactly("sandy");
        assertThat(names(sessions, q -> q.filterBy("teamId", 2L))).containsExactly("plankton");
        assertThat(names(sessions, q -> q.where(q.attr("score").isNull()))).isEmpty();
        // joins, distinct, grouping
        assertThat(names(sessions, q -> q.join(Team.class).where(Team_.title.eq("chum bucket"))))
                .containsExactly("plankton");
        assertThat(names(sessions, q -> q.outerJoin(Team.class).where(Team_.title.isNull())))
                .containsExactly("sandy");
        List<String> teams = in(sessions, s -> s.select(Team.class)
                .join(Member.class)
                .where(Member_.score.ge(60))
                .distinct()
                .orderBy(Team_.id)
                .all()
                .map(t -> t.title)
                .collectList());
        assertThat(teams).containsExactly("krusty krab", "chum bucket");
        List<String> crowded = in(sessions, s -> s.select(Team.class)
                .join(Member.class)
                .groupBy()
                .having(func.count(Member_.id).ge(2))
                .all()
                .map(t -> t.title)
                .collectList());
        assertThat(crowded).containsExactly("krusty krab");
        List<String> byName = in(sessions, s -> s.select(Team.class)
                .join(Member.class)
                .groupBy("id", "title")
                .having(func.max(Member_.score).lt(80))
                .all()
                .map(t -> t.title)
                .collectList());
        assertThat(byName).containsExactly("chum bucket");
        // order, limit, offset
        assertThat(names(sessions, q -> q.orderBy(Member_.score.desc()).limit(2)))
                .containsExactly("sandy", "spongebob");
        assertThat(names(sessions, q -> q.orderBy("score").offset(3))).containsExactly("spongebob", "sandy");
        assertThat(names(sessions, q -> q.orderBy("score").limit(1).offset(1))).containsExactly("squidward");
    }

    @BackendTest
    void everyTerminal(Backend db, Engine engine, StatementRecorder rec) {
        SessionFactory sessions = Fixture.create(db, engine);
        assertThat(in(sessions, s -> s.select(Member.class).orderBy("-score").first()).name)
                .isEqualTo("sandy");
        assertThat(in(sessions, s -> s.select(Member.class)
                                .filterBy("name", "patrick")
                                .one())
                        .score)
                .isEqualTo(40);
        assertThat(Fixture.<String>in(sessions, s -> s.select(Member.class)
                        .filterBy("name", "gary")
                        .oneOrNone()
                        .map(m -> m.name)
                        .defaultIfEmpty("none")))
                .isEqualTo("none");
        assertThat(Fixture.<Long>in(
                        sessions,
                        s -> s.select(Member.class).where(Member_.teamId.eq(1L)).count()))
                .isEqualTo(3L);
        assertThat(Fixture.<Boolean>in(
                        sessions,
                        s -> s.select(Member.class).where(Member_.score.gt(95)).exists()))
                .isFalse();
        assertThat(Fixture.<Boolean>in(
                        sessions,
                        s -> s.select(Member.class).where(Member_.score.gt(90)).exists()))
                .isTrue();
        assertThat(in(sessions, s -> s.query(Member.class).get(4L)).name).isEqualTo("squidward");
        assertThat(Fixture.<List<Long>>in(sessions, s -> s.select(Member.class)
                        .fetchSize(2)
                        .orderBy("id")
                        .all()
                        .map(m -> m.id)
                        .collectList()))
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        rec.clear();
        assertThat(Fixture.<List<String>>in(sessions, s -> s.select(Member.class).orderBy("id").stream(2)
                        .map(m -> m.name)
                        .collectList()))
                .containsExactly("spongebob", "sandy", "patrick", "squidward", "plankton");
        assertThat(rec.count("SELECT")).isEqualTo(1);
    }

    @BackendTest
    void keysetPagination(Backend db, Engine engine, StatementRecorder rec) {
        SessionFactory sessions = Fixture.create(db, engine);
        // simple seek on the id
        assertThat(names(sessions, q -> q.after(Member_.id, 3L))).containsExactly("squidward", "plankton");
        assertThat(names(sessions, q -> q.before(Member_.id, 3L))).containsExactly("sandy", "spongebob");
        // pages of 2 by score descending (id breaks ties)
        rec.clear();
        List<List<String>> pages = in(sessions, s -> {
            EntityQuery<Member> q = s.select(Member.class).orderBy(Member_.score.desc());
            return q.page(2).flatMap(p1 -> q.page(2, p1.next())
                    .flatMap(p2 -> q.page(2, p2.next()).map(p3 -> {
                        assertThat(p1.hasNext()).isTrue();
                        assertThat(p2.hasNext()).isTrue();
                        assertThat(p3.hasNext()).isFalse();
                        assertThat(p3.next()).isNull();
                        return List.of(names(p1), names(p2), names(p3));
                    })));
        });
        assertThat(pages)
                .containsExactly(List.of("sandy", "spongebob"), List.of("plankton", "squidward"), List.of("patrick"));
        assertThat(rec.count("SELECT")).isEqualTo(3);
        // a keyset from a client, two sort columns in mixed directions
        Page<Member> p = in(sessions, s -> s.select(Member.class)
                .orderBy(Member_.teamId.asc(), Member_.score.desc())
                .where(Member_.teamId.isNotNull())
                .page(10, Keyset.of(1L, 90, 1L)));
        assertThat(names(p)).containsExactly("squidward", "patrick", "plankton");
        // errors
        StepVerifier.create(sessions.inSession(s -> s.select(Member.class).page(2)))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("needs an orderBy"))
                .verify(T);
        StepVerifier.create(sessions.inSession(
                        s -> s.select(Member.class).orderBy("score").page(2, Keyset.of("ninety", 1L))))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(MappingException.class)
                        .hasMessageContaining("Attribute Member.score holds Integer, but the value ninety is a String"))
                .verify(T);
    }

    private static List<String> names(Page<Member> p) {
        return p.items().stream().map(m -> m.name).toList();
    }

    @BackendTest
    void newEntryPointsNameUnknownAttributesAndWrongTypes(Backend db, Engine engine) {
        SessionFactory sessions = Fixture.create(db, engine);
        StepVerifier.create(sessions.inSession(
                        s -> s.select(Member.class).groupBy("scroe").all()))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(MappingException.class)
                        .hasMessageContaining("Member has no attribute 'scroe' (attributes: id, name, score"))
                .verify(T);
        StepVerifier.create(sessions.inSession(
                        s -> s.bulkUpdate(Member.class).set("scroe", 1).execute()))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(MappingException.class)
                        .hasMessageContaining("Member has no attribute 'scroe'"))
                .verify(T);
        StepVerifier.create(sessions.inSession(
                        s -> s.bulkUpdate(Member.class).set("score", "high").execute()))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(MappingException.class)
                        .hasMessage("Attribute Member.score holds Integer, but the value high is a String"))
                .verify(T);
        StepVerifier.create(sessions.inSession(s ->
                        s.bulkDelete(Member.class).filterBy("teamId", "one").execute()))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(MappingException.class)
                        .hasMessageContaining("Attribute Member.teamId holds Long, but the value one is a String"))
                .verify(T);
        StepVerifier.create(sessions.inSession(
                        s -> s.bulkInsert(Member.class).mappings(List.of(java.util.Map.of("nmae", "gary")))))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(MappingException.class)
                        .hasMessageContaining("Member has no attribute 'nmae'"))
                .verify(T);
        StepVerifier.create(sessions.inSession(
                        s -> s.bulkInsert(Member.class).mappings(List.of(java.util.Map.of("name", 7)))))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(MappingException.class)
                        .hasMessageContaining("Attribute Member.name holds String, but the value 7 is a Integer"))
                .verify(T);
    }
}
