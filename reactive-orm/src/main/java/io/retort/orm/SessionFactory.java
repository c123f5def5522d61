package io.retort.orm;

import io.retort.core.Engine;
import io.retort.orm.internal.DefaultSession;
import io.retort.orm.internal.MapperRegistry;
import io.retort.orm.internal.Statements;
import io.retort.orm.mapping.NamingStrategy;
import io.retort.schema.MetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Makes sessions for one engine and one set of mapped classes, SQLAlchemy's {@code sessionmaker}. Building it
 * reads every entity class once (mapping errors surface here, naming class and field) and derives the
 * {@link MetaData} of the mapped tables. Thread-safe; create one per application.
 *
 * <pre>{@code
 * SessionFactory sessions = SessionFactory.builder(engine).entities(User.class, Address.class).build();
 * sessions.metadata().createAll(engine);
 * }</pre>
 */
public final class SessionFactory {
    private final Engine engine;
    private final MapperRegistry registry;
    private final boolean autoflush;
    private final boolean expireOnCommit;
    private final Autobegin autobegin;
    private final Statements statements;

    private SessionFactory(Builder b) {
        this.engine = b.engine;
        this.registry = new MapperRegistry(b.entities, b.naming);
        this.autoflush = b.autoflush;
        this.expireOnCommit = b.expireOnCommit;
        io.retort.core.IsolationLevel isolation = engine.options().isolationLevel();
        // reads that must share a snapshot need the transaction from the first statement
        this.autobegin = isolation == io.retort.core.IsolationLevel.REPEATABLE_READ
                        || isolation == io.retort.core.IsolationLevel.SERIALIZABLE
                ? Autobegin.ON_FIRST_STATEMENT
                : b.autobegin;
        this.statements = new Statements(engine.dialect());
    }

    /**
     * A new session. No connection is taken until the session first needs the database; close it with
     * {@link Session#close()} (or use {@link #inSession} / {@link #inTransaction}, which do).
     *
     * <pre>{@code
     * sessions.open().flatMap(s -> s.get(User.class, 1).flatMap(u -> s.close().thenReturn(u)));
     * }</pre>
     */
    public Mono<Session> open() {
        return Mono.fromSupplier(() -> new DefaultSession(this, statements));
    }

    /**
     * Runs {@code work} with a new session and closes it afterwards (SQLAlchemy's {@code with Session() as s}):
     * anything not committed inside is rolled back. Emits what {@code work} emits.
     */
    public <T> Flux<T> inSession(Function<Session, ? extends Publisher<T>> work) {
        return Flux.usingWhen(open(), work::apply, Session::close, (s, e) -> s.close(), Session::close);
    }

    /**
     * Runs {@code work} in a new session and transaction (SQLAlchemy's {@code with Session.begin()}): when its
     * publisher completes, the session flushes and commits; on error or cancel it rolls back. The session is
     * closed either way. Emits what {@code work} emits; collect it with {@code .single()}, {@code .collectList()}
     * or {@code .then()} ({@code Mono.from} cancels after the first item, which rolls back).
     *
     * <pre>{@code
     * sessions.inTransaction(session -> {
     *     session.add(new User("sandy", "Sandy Cheeks"));
     *     return Mono.empty();
     * }).then();
     * }</pre>
     */
    public <T> Flux<T> inTransaction(Function<Session, ? extends Publisher<T>> work) {
        return Flux.usingWhen(
                        open(),
                        work::apply,
                        s -> s.commit()
                                .onErrorResume(e -> s.close().then(Mono.error(e)))
                                .then(s.close()),
                        (s, e) -> s.rollback().onErrorResume(x -> Mono.empty()).then(s.close()),
                        s -> s.rollback().onErrorResume(x -> Mono.empty()).then(s.close()))
                .onErrorMap(io.retort.core.internal.Errors::unwrapCleanup);
    }

    /** A builder for sessions on {@code engine}. */
    public static Builder builder(Engine engine) {
        return new Builder(Objects.requireNonNull(engine, "engine"));
    }

    /** The engine sessions run on. */
    public Engine engine() {
        return engine;
    }

    /** The tables of the mapped classes (SQLAlchemy's {@code Base.metadata}). */
    public MetaData metadata() {
        return registry.metadata();
    }

    /** Whether queries flush pending changes first. */
    public boolean autoflush() {
        return autoflush;
    }

    /** Whether committing expires loaded objects so they are reloaded on next access. */
    public boolean expireOnCommit() {
        return expireOnCommit;
    }

    /**
     * When sessions begin their transaction: {@link Autobegin#ON_FIRST_WRITE} unless configured otherwise or the
     * engine's isolation level is REPEATABLE READ or SERIALIZABLE.
     */
    public Autobegin autobegin() {
        return autobegin;
    }

    /** The mapping (internal). */
    public MapperRegistry registry() {
        return registry;
    }

    /**
     * Configures a {@link SessionFactory}.
     *
     * <pre>{@code
     * SessionFactory.builder(engine).entities(User.class).autoflush(false).namingStrategy(NamingStrategy.AS_IS).build();
     * }</pre>
     */
    public static final class Builder {
        private final Engine engine;
        private final List<Class<?>> entities = new ArrayList<>();
        private NamingStrategy naming = NamingStrategy.SNAKE_CASE;
        private boolean autoflush = true;
        private boolean expireOnCommit = true;
        private Autobegin autobegin = Autobegin.ON_FIRST_WRITE;

        private Builder(Engine engine) {
            this.engine = engine;
        }

        /** Classes annotated {@code @Entity} to map. */
        public Builder entities(Class<?>... classes) {
            entities.addAll(Arrays.asList(classes));
            return this;
        }

        /** How unannotated names map (default snake_case). */
        public Builder namingStrategy(NamingStrategy strategy) {
            this.naming = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /** Flush pending changes before each query (default true). */
        public Builder autoflush(boolean autoflush) {
            this.autoflush = autoflush;
            return this;
        }

        /** Expire loaded objects on commit (default true). */
        public Builder expireOnCommit(boolean expire) {
            this.expireOnCommit = expire;
            return this;
        }

        /**
         * When sessions begin their database transaction (default {@link Autobegin#ON_FIRST_WRITE}: a session that
         * only reads sends no BEGIN/ROLLBACK).
         *
         * <pre>{@code
         * SessionFactory.builder(engine).entities(User.class).autobegin(Autobegin.ON_FIRST_STATEMENT).build();
         * }</pre>
         */
        public Builder autobegin(Autobegin when) {
            this.autobegin = Objects.requireNonNull(when, "when");
            return this;
        }

        /**
         * Reads and validates the mapping.
         *
         * @throws MappingException naming the class and field of the first problem found
         */
        public SessionFactory build() {
            if (entities.isEmpty()) {
                throw new MappingException(
                        "SessionFactory needs at least one entity class: builder(engine).entities(...)");
            }
            return new SessionFactory(this);
        }
    }
}
