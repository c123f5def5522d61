package io.retort.examples.webflux;

import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import java.util.function.Function;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Shares one {@link Session} (one transaction) between services through the Reactor Context, the reactive
 * counterpart of a thread-bound transaction: the caller opens the transaction with
 * {@link SessionFactory#inTransaction} and puts its session in the Context; every service called inside asks
 * for it with {@link #currentSession()} (or {@link #inCurrentSession}) instead of opening its own. When the
 * caller's publisher completes, the one transaction commits; an error from any service rolls back everything.
 *
 * <pre>{@code
 * Mono<User> user = transactions.inTransaction(() ->
 *         userService.create(name).flatMap(u -> addressService.add(u, email).thenReturn(u)));
 *
 * // in a service
 * Mono<User> create(String name) {
 *     return ReactiveTransactions.inCurrentSession(session -> Mono.just(session.add(new User(name, null))));
 * }
 * }</pre>
 */
public final class ReactiveTransactions {
    /** The Context key: the session of the transaction in progress. */
    private static final Class<Session> KEY = Session.class;

    private final SessionFactory sessions;

    /** @param sessions the factory whose {@code inTransaction} opens the shared transaction */
    public ReactiveTransactions(SessionFactory sessions) {
        this.sessions = sessions;
    }

    /**
     * Runs {@code work} in one transaction whose session is in the Reactor Context of everything {@code work}
     * subscribes to. When a transaction is already in the subscriber's Context, {@code work} joins it (no new
     * session; the outer scope commits). Emits the single value of {@code work}, after the commit; errors after
     * the rollback; cancelling rolls back.
     *
     * @param work what to run (called once per subscription)
     * @param <T> the result
     * @return the result, after the commit
     */
    // tag::in-transaction[]
    public <T> Mono<T> inTransaction(Supplier<? extends Mono<T>> work) {
        return Mono.deferContextual(ctx -> ctx.hasKey(KEY)
                ? work.get()
                : sessions.inTransaction(session -> work.get().contextWrite(with(session)))
                        .singleOrEmpty());
    }
    // end::in-transaction[]

    /**
     * The session of the transaction in the Reactor Context; an {@link IllegalStateException} when there is none
     * (a service called outside {@link #inTransaction}).
     *
     * @return the current session
     */
    // tag::current-session[]
    public static Mono<Session> currentSession() {
        return Mono.deferContextual(ctx -> ctx.<Session>getOrEmpty(KEY)
                .map(Mono::just)
                .orElseGet(() -> Mono.error(
                        new IllegalStateException("No Retort session in the Reactor Context: call this service inside"
                                + " ReactiveTransactions.inTransaction(...)"))));
    }
    // end::current-session[]

    /**
     * Runs {@code work} with the session of the transaction in the Reactor Context.
     *
     * @param work what to run with the current session
     * @param <T> the result
     * @return what {@code work} emits
     */
    public static <T> Mono<T> inCurrentSession(Function<Session, ? extends Publisher<T>> work) {
        return currentSession().flatMap(session -> Mono.from(work.apply(session)));
    }

    /**
     * The Context change that makes {@code session} the current one, for a caller that opened its own scope:
     * {@code sessions.inTransaction(s -> work.contextWrite(ReactiveTransactions.with(s)))}.
     *
     * @param session the session to share
     * @return a function for {@code contextWrite}
     */
    public static Function<Context, Context> with(Session session) {
        return ctx -> ctx.put(KEY, session);
    }

    /** Flux variant of {@link #inCurrentSession}. */
    static <T> Flux<T> inCurrentSessionMany(Function<Session, ? extends Publisher<T>> work) {
        return currentSession().flatMapMany(work);
    }
}
