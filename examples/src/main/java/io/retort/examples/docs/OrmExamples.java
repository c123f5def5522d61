package io.retort.examples.docs;

import io.retort.core.Engine;
import io.retort.examples.tour.Address;
import io.retort.examples.tour.User;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.orm.StaleDataException;
import io.retort.orm.mapping.NamingStrategy;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The snippets of docs/orm/*.md: the session factory, the scopes, the unit of work, nested transactions and
 * optimistic locking, on the tour's {@link User} and {@link Address}.
 *
 * <pre>{@code
 * SessionFactory sessions = OrmExamples.sessionFactory(engine);
 * }</pre>
 */
public final class OrmExamples {
    private OrmExamples() {}

    /**
     * A session factory with its options.
     *
     * @param engine the engine
     * @return the factory
     */
    public static SessionFactory sessionFactory(Engine engine) {
        // tag::session-factory[]
        SessionFactory sessions = SessionFactory.builder(engine)
                .entities(User.class, Address.class) // read and validated once, here
                .namingStrategy(NamingStrategy.SNAKE_CASE) // unannotated fields: userId -> user_id (the default)
                .autoflush(true) // flush before loading (the default)
                .expireOnCommit(true) // reload attributes after commit (the default)
                .build();
        // end::session-factory[]
        return sessions;
    }

    /**
     * The usual unit of work: one transaction per call.
     *
     * @param sessions the factory
     * @param userId an existing user's id
     * @return the new user
     */
    public static Flux<User> inTransaction(SessionFactory sessions, long userId) {
        // tag::in-transaction[]
        Flux<User> saved = sessions.inTransaction(session -> {
            User gary = session.add(new User("gary", "Gary the Snail")); // recorded, no I/O
            return session.get(User.class, userId) // flushes gary first (autoflush), then one SELECT
                    .doOnNext(user -> user.fullname(user.fullname() + " (friend of gary)")) // tracked change
                    .thenReturn(gary);
        }); // on completion: flush (one UPDATE), COMMIT, close; on error or cancel: ROLLBACK, close
        // end::in-transaction[]
        return saved;
    }

    /**
     * Explicit control over one session.
     *
     * @param sessions the factory
     * @return completes after the session closed
     */
    public static Mono<Void> explicit(SessionFactory sessions) {
        // tag::explicit[]
        Mono<Void> work = Mono.usingWhen(
                sessions.open(),
                session -> {
                    session.addAll(List.of(new User("larry", "Larry the Lobster"), new User("pearl", "Pearl Krabs")));
                    return session.flush() // BEGIN (autobegin), one multi-row INSERT, ids written back
                            .then(session.commit()); // COMMIT; the session stays usable
                },
                Session::close); // rolls back anything uncommitted and detaches every object
        // end::explicit[]
        return work;
    }

    /**
     * A savepoint that restores the objects changed inside it when it rolls back.
     *
     * @param sessions the factory
     * @param userId an existing user's id
     * @return the user's full name after the nested rollback
     */
    public static Flux<String> nested(SessionFactory sessions, long userId) {
        // tag::nested[]
        Flux<String> name = sessions.inTransaction(
                session -> session.get(User.class, userId).flatMap(user -> session.nested(
                                inner -> { // flush, then SAVEPOINT
                                    user.fullname("changed inside the savepoint");
                                    inner.add(new User("plankton", "Sheldon J. Plankton"));
                                    return inner.flush().then(Mono.error(new IllegalStateException("undo")));
                                })
                        .onErrorResume(e -> Mono.empty()) // ROLLBACK TO SAVEPOINT: plankton expunged, user restored
                        .then(Mono.fromSupplier(user::fullname)))); // the name from before the savepoint
        // end::nested[]
        return name;
    }

    /**
     * Optimistic locking with a retry.
     *
     * @param sessions the factory
     * @param userId an existing user's id
     * @return the updated user
     */
    public static Flux<User> retryOnConflict(SessionFactory sessions, long userId) {
        // tag::version-retry[]
        Flux<User> renamed = sessions.inTransaction(session -> session.get(User.class, userId)
                        .doOnNext(user -> user.fullname(user.fullname().toUpperCase())))
                // UPDATE ... SET fullname = $1, version = version + 1 WHERE id = $2 AND version = $3;
                // 0 rows matched -> StaleDataException, the transaction is rolled back: run it again
                .retryWhen(Retry.backoff(3, Duration.ofMillis(10)).filter(StaleDataException.class::isInstance));
        // end::version-retry[]
        return renamed;
    }

    /**
     * Concurrent operations on one session are queued, never interleaved.
     *
     * @param sessions the factory
     * @param ids existing user ids
     * @return the users
     */
    public static Flux<User> concurrent(SessionFactory sessions, List<Long> ids) {
        // tag::concurrent[]
        Flux<User> users = sessions.inSession(session -> Flux.merge(ids.stream()
                .map(id -> session.get(User.class, id)) // issued at once, run one after the other
                .toList()));
        // end::concurrent[]
        return users;
    }
}
