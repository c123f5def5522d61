package io.retort.examples.docs;

import static io.retort.sql.Sql.func;
import static io.retort.sql.Sql.select;

import io.retort.examples.docs.model.Member;
import io.retort.examples.docs.model.Member_;
import io.retort.examples.docs.model.Reading;
import io.retort.examples.docs.model.Reading_;
import io.retort.examples.docs.model.Team;
import io.retort.examples.docs.model.Team_;
import io.retort.orm.EntityQuery;
import io.retort.orm.Keyset;
import io.retort.orm.Page;
import io.retort.orm.Projections;
import io.retort.orm.Session;
import io.retort.orm.SynchronizeSession;
import io.retort.schema.Table;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The code shown in {@code docs/orm/queries.md}: compiled, so the docs cannot drift from the API. The methods
 * build publishers; the tutorial and the ORM tests run the same calls against the three databases.
 *
 * <pre>{@code
 * QueryExamples.entityQueries(session);
 * }</pre>
 */
public final class QueryExamples {
    private QueryExamples() {}

    /** A result row mapped by {@link Projections}. */
    public record TeamCount(Long teamId, Long members) {}

    static void entityQueries(Session session) {
        // tag::entity-queries[]
        session.select(Member.class)
                .where(Member_.score.ge(60), Member_.teamId.isNotNull()) // metamodel attributes, ANDed
                .orderBy(Member_.score.desc()) // or by name: orderBy("-score", "name")
                .limit(2)
                .offset(1)
                .all(); // Flux<Member>

        session.query(Member.class).filterBy("name", "sandy").first(); // filter / filterBy / get(id) as in SQLAlchemy
        session.select(Member.class)
                .join(Team.class)
                .where(Team_.title.eq("chum bucket"))
                .all(); // ON from the FK
        session.select(Member.class)
                .outerJoin(Team.class)
                .where(Team_.title.isNull())
                .all();
        session.select(Team.class)
                .join(Member.class)
                .groupBy()
                .having(func.count(Member_.id).ge(2))
                .all();
        //   groupBy() with no arguments groups by every attribute of the entity; groupBy(Team_.id, ...) or names too
        // end::entity-queries[]
    }

    static void coreInSession(Session session, Table teamTable) {
        // tag::core-in-session[]
        session.scalars(select(Member.class).where(Member_.teamId.eq(2L))); // Flux<Member>
        session.execute(select(Member_.name, Member_.score)); // Flux<Row>
        session.entityRows(select(Member.class, Team_.title).join(teamTable)) // Flux<EntityRow>
                .map(r -> r.entity(Member.class).name + " @ " + r.get(Team_.title));
        // end::core-in-session[]
    }

    static void projections(Session session) {
        // tag::projections[]
        record MemberScore(String name, Integer score) {}
        session.select(Member.class).where(Member_.teamId.eq(1L)).project(MemberScore.class); // only name, score
        session.execute(select(Member_.teamId, func.count().label("members")).groupBy(Member_.teamId))
                .map(Projections.to(TeamCount.class)); // any Core row
        // end::projections[]
    }

    static Mono<Void> publish(Reading r) {
        return Mono.empty();
    }

    static Mono<Void> streaming(Session session) {
        // tag::streaming[]
        return session.select(Reading.class).orderBy(Reading_.id).stream(1000)
                .concatMap(r -> publish(r), 1)
                .then();
        // end::streaming[]
    }

    static void keyset(Session session, Long lastSeenId, Long firstSeenId) {
        // tag::keyset[]
        session.select(Member.class).after(Member_.id, lastSeenId).limit(100).all(); // WHERE id > ? ORDER BY id
        session.select(Member.class).before(Member_.id, firstSeenId).limit(100).all(); // WHERE id < ? ORDER BY id DESC

        EntityQuery<Member> q = session.select(Member.class).orderBy(Member_.score.desc());
        Page<Member> p1 = q.page(20).block(); // items(), hasNext(), next(): a Keyset
        Page<Member> p2 = q.page(20, p1.next()).block(); // WHERE score < :s OR (score = :s AND id > :id) LIMIT 21
        Keyset fromClient = Keyset.of(90, 1L); // a plain value, safe to send to a client and back
        // end::keyset[]
    }

    static void bulkUpdateDelete(Session session) {
        // tag::bulk-update[]
        session.bulkUpdate(Member.class)
                .set(Member_.score, Member_.score.add(5)) // or a value; or set("score", 0) by name
                .where(Member_.teamId.eq(1L))
                .synchronize(SynchronizeSession.EVALUATE) // the default
                .execute(); // Mono<Long>: rows matched
        session.bulkDelete(Member.class)
                .where(Member_.score.lt(50))
                .synchronize(SynchronizeSession.FETCH)
                .execute();
        // end::bulk-update[]
    }

    static void bulkInsert(Session session, List<Member> members) {
        // tag::bulk-insert[]
        session.bulkInsert(Member.class, Flux.range(0, 1_000_000).map(i -> new Member("m" + i, i))); // Mono<Long>
        session.bulkInsert(Team.class).mappings(List.of(Map.of("id", 3L, "title", "the salty spitoon")));
        session.bulkInsert(Member.class)
                .onConflictDoUpdate(List.of(Member_.name), Member_.score) // PostgreSQL ON CONFLICT (name) DO UPDATE
                .objects(members); // MariaDB ON DUPLICATE KEY UPDATE, H2 MERGE
        session.bulkInsert(Member.class).onConflictDoNothing(Member_.name).objects(members);
        // end::bulk-insert[]
    }
}
