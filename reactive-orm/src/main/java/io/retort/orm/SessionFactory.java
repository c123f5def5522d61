package io.retort.orm;

import io.retort.core.Engine;
import io.retort.orm.internal.MapperRegistry;
import io.retort.orm.mapping.NamingStrategy;
import io.retort.schema.MetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

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

    private SessionFactory(Builder b) {
        this.engine = b.engine;
        this.registry = new MapperRegistry(b.entities, b.naming);
        this.autoflush = b.autoflush;
        this.expireOnCommit = b.expireOnCommit;
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
