package io.retort.orm.query;

import static io.retort.orm.query.Fixture.T;
import static io.retort.orm.query.Fixture.in;
import static io.retort.sql.Sql.func;
import static io.retort.sql.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.core.Engine;
import io.retort.core.InvalidRequestException;
import io.retort.orm.EntityRow;
import io.retort.orm.MappingException;
import io.retort.orm.Projections;
import io.retort.orm.SessionFactory;
import io.retort.orm.model.Member;
import io.retort.orm.model.Member_;
import io.retort.orm.model.Team;
import io.retort.orm.model.Team_;
import io.retort.testing.Backend;
import io.retort.testing.BackendTest;
import io.retort.testing.StatementRecorder;
import java.util.List;
import reactor.test.StepVerifier;

/** Record and DTO projections, rows mixing entities and columns, aggregates through the session. */
class ProjectionAndRowTest {

    record MemberScore(String name, Integer score) {}

    record TeamCount(Long teamId, long members) {}

    /** A DTO class mapped by constructor parameter names (the build compiles with -parameters). */
    static final class MemberCard {
        final String label;

        MemberCard(String name, int score, Long teamId) {
            this.label = name + "/" + score + "/" + teamId;
        }
    }

    @BackendTest
    void recordProjectionFromTheOrmQueryAndFromCoreRows(Backend db, Engine engine, StatementRecorder rec) {
        SessionFactory sessions = Fixture.create(db, engine);
        rec.clear();
        List<MemberScore> scores = in(sessions, s -> s.select(Member.class)
                .where(Member_.teamId.eq(1L))
                .orderBy("-score")
                .project(MemberScore.class)
                .collectList());
        assertThat(scores)
                .containsExactly(
                        new MemberScore("spongebob", 90),
                        new MemberScore("squidward", 60),
                        new MemberScore("patrick", 40));
        assertThat(rec.sql()).hasSize(1);
        assertThat(rec.sql().get(0)).doesNotContain("version").contains("score");

        List<TeamCount> counts = sessions.inSession(
                        s -> s.execute(select(Member_.teamId, func.count().label("members"))
                                .where(Member_.teamId.isNotNull())
                                .groupBy(Member_.teamId)
                                .having(func.count().ge(1))
                                .orderBy(Member_.teamId)))
                .map(Projections.to(TeamCount.class))
                .collectList()
                .block(T);
        assertThat(counts).containsExactly(new TeamCount(1L, 3), new TeamCount(2L, 1));

        List<String> cards = sessions.inSession(s -> s.execute(
                        select(Member_.teamId, Member_.score, Member_.name).where(Member_.teamId.eq(2L))))
                .map(Projections.to(MemberCard.class))
                .map(c -> c.label)
                .collectList()
                .block(T);
        assertThat(cards).containsExactly("plankton/70/2");
    }

    @BackendTest
    void projectionErrorsNameTheComponent(Backend db, Engine engine) {
        SessionFactory sessions = Fixture.create(db, engine);
        record Nickname(String nickname) {}
        StepVerifier.create(sessions.inSession(s -> s.select(Member.class).project(Nickname.class)))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(MappingException.class)
                        .hasMessageContaining("Member has no attribute 'nickname' (attributes: id, name, score"))
                .verify(T);
        StepVerifier.create(
                        sessions.inSession(s -> s.execute(select(Member_.name))).map(Projections.to(Nickname.class)))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(MappingException.class)
                        .hasMessageContaining("no result column for component 'nickname' (columns: [name])"))
                .verify(T);
        record Primitive(String name, int score) {}
        StepVerifier.create(sessions.inSession(s -> s.execute(select(Member_.name, Member_.mentorId.label("score"))
                                .where(Member_.id.eq(1L))))
                        .map(Projections.to(Primitive.class)))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(MappingException.class)
                        .hasMessageContaining("column 'score' is NULL but component 'score' is a int"))
                .verify(T);
    }

    @BackendTest
    void entitiesAndColumnsMixedInOneRow(Backend db, Engine engine, StatementRecorder rec) {
        SessionFactory sessions = Fixture.create(db, engine);
        List<String> out =
                in(sessions, s -> s.get(Member.class, 1L).flatMap(sponge -> s.execute(select(Member.class, Team_.title)
                                .join(s.factory().registry().model(Team.class).table())
                                .orderBy(Member_.id))
                        .map(EntityRow::of)
                        .map(r -> {
                            Member m = r.entity(Member.class);
                            assertThat(r.entity(0)).isSameAs(m);
                            if (m.id == 1L) {
                                assertThat(m).isSameAs(sponge); // through the identity map
                            }
                            return m.name + "@" + r.get(Team_.title);
                        })
                        .collectList()));
        assertThat(out)
                .containsExactly(
                        "spongebob@krusty krab",
                        "patrick@krusty krab",
                        "squidward@krusty krab",
                        "plankton@chum bucket");

        // two entities in one row, one of them outer-joined
        List<String> pairs = sessions.inSession(s -> s.entityRows(select(Member.class, Team.class)
                        .outerJoin(s.factory().registry().model(Team.class).table())
                        .where(Member_.name.in("sandy", "plankton"))
                        .orderBy(Member_.id)))
                .map(r -> r.entity(Member.class).name + ":"
                        + (r.entity(Team.class) == null ? "-" : r.entity(Team.class).title) + ":"
                        + r.entities().size())
                .collectList()
                .block(T);
        assertThat(pairs).containsExactly("sandy:-:2", "plankton:chum bucket:2");

        // aggregates with entity columns through the session
        List<String> perTeam = in(sessions, s -> s.entityRows(
                        select(Team.class, func.count(Member_.id).label("n"))
                                .join(s.factory().registry().model(Member.class).table())
                                .groupBy(Team_.id, Team_.title)
                                .orderBy(Team_.id))
                .map(r -> r.entity(Team.class).title + "=" + r.get("n", Long.class))
                .collectList());
        assertThat(perTeam).containsExactly("krusty krab=3", "chum bucket=1");

        StepVerifier.create(sessions.inSession(
                        s -> s.entityRows(select(Member_.name)).map(r -> r.entity(Member.class))))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("This row has no entities (columns: [name])"))
                .verify(T);
        StepVerifier.create(sessions.inSession(
                        s -> s.entityRows(select(Member.class)).map(r -> r.entity(Team.class))))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("This row has no Team (entities: [Member])"))
                .verify(T);
    }
}
