package io.retort.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How an {@link Engine} pools, logs and batches. Immutable; built with {@link #builder()}.
 *
 * <pre>{@code
 * EngineOptions options = EngineOptions.builder()
 *         .echo(true)                                  // log every statement at INFO (logger io.retort.engine)
 *         .poolMaxSize(10)
 *         .acquireTimeout(Duration.ofSeconds(5))
 *         .isolationLevel(IsolationLevel.READ_COMMITTED)
 *         .build();
 * }</pre>
 */
public final class EngineOptions {
    private static final EngineOptions DEFAULTS = builder().build();

    private final boolean echo;
    private final boolean pool;
    private final int poolInitialSize;
    private final int poolMaxSize;
    private final Duration maxIdleTime;
    private final Duration maxLifeTime;
    private final Duration acquireTimeout;
    private final boolean prePing;
    private final IsolationLevel isolationLevel;
    private final int statementCacheSize;
    private final int insertManyValuesBatchSize;
    private final int fetchSize;
    private final String dialect;
    private final List<StatementListener> listeners;

    private EngineOptions(Builder b) {
        this.echo = b.echo;
        this.pool = b.pool;
        this.poolInitialSize = b.poolInitialSize;
        this.poolMaxSize = b.poolMaxSize;
        this.maxIdleTime = b.maxIdleTime;
        this.maxLifeTime = b.maxLifeTime;
        this.acquireTimeout = b.acquireTimeout;
        this.prePing = b.prePing;
        this.isolationLevel = b.isolationLevel;
        this.statementCacheSize = b.statementCacheSize;
        this.insertManyValuesBatchSize = b.insertManyValuesBatchSize;
        this.fetchSize = b.fetchSize;
        this.dialect = b.dialect;
        this.listeners = List.copyOf(b.listeners);
    }

    /** The defaults: pooled (0 initial, 10 max), no echo, 30 s acquire timeout, 1,000 rows per INSERT. */
    public static EngineOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.echo = echo;
        b.pool = pool;
        b.poolInitialSize = poolInitialSize;
        b.poolMaxSize = poolMaxSize;
        b.maxIdleTime = maxIdleTime;
        b.maxLifeTime = maxLifeTime;
        b.acquireTimeout = acquireTimeout;
        b.prePing = prePing;
        b.isolationLevel = isolationLevel;
        b.statementCacheSize = statementCacheSize;
        b.insertManyValuesBatchSize = insertManyValuesBatchSize;
        b.fetchSize = fetchSize;
        b.dialect = dialect;
        b.listeners.addAll(listeners);
        return b;
    }

    /** Log statements at INFO instead of DEBUG. */
    public boolean echo() {
        return echo;
    }

    /** Wrap the connection factory in r2dbc-pool. */
    public boolean pool() {
        return pool;
    }

    public int poolInitialSize() {
        return poolInitialSize;
    }

    public int poolMaxSize() {
        return poolMaxSize;
    }

    public Duration maxIdleTime() {
        return maxIdleTime;
    }

    /** Connections older than this are closed instead of reused; zero or negative means no limit. */
    public Duration maxLifeTime() {
        return maxLifeTime;
    }

    /** How long {@code connect}/{@code transaction} wait for a pooled connection before failing. */
    public Duration acquireTimeout() {
        return acquireTimeout;
    }

    /** Validate each connection with the dialect's validation query when it leaves the pool. */
    public boolean prePing() {
        return prePing;
    }

    /** The isolation level for transactions, or {@code null} for the database's default. */
    public IsolationLevel isolationLevel() {
        return isolationLevel;
    }

    /** How many compiled statements the engine keeps. */
    public int statementCacheSize() {
        return statementCacheSize;
    }

    /** Most rows written by one multi-row INSERT of an executemany (also bounded by the driver's limit). */
    public int insertManyValuesBatchSize() {
        return insertManyValuesBatchSize;
    }

    /** Rows fetched per round trip when streaming a query; 0 leaves it to the driver. */
    public int fetchSize() {
        return fetchSize;
    }

    /** The dialect name to use instead of detecting it, or {@code null}. */
    public String dialect() {
        return dialect;
    }

    /** Listeners installed when the engine is created. */
    public List<StatementListener> listeners() {
        return listeners;
    }

    /**
     * Builds {@link EngineOptions}.
     *
     * <pre>{@code
     * EngineOptions.builder().echo(true).poolMaxSize(4).build();
     * }</pre>
     */
    public static final class Builder {
        private boolean echo;
        private boolean pool = true;
        private int poolInitialSize = 0;
        private int poolMaxSize = 10;
        private Duration maxIdleTime = Duration.ofMinutes(30);
        private Duration maxLifeTime = Duration.ZERO;
        private Duration acquireTimeout = Duration.ofSeconds(30);
        private boolean prePing;
        private IsolationLevel isolationLevel;
        private int statementCacheSize = 500;
        private int insertManyValuesBatchSize = 1000;
        private int fetchSize;
        private String dialect;
        private final List<StatementListener> listeners = new ArrayList<>();

        private Builder() {}

        /** Log every statement and its parameters at INFO (otherwise DEBUG) on logger {@code io.retort.engine}. */
        public Builder echo(boolean echo) {
            this.echo = echo;
            return this;
        }

        /** {@code false} to use the connection factory as it is (e.g. one that already pools). */
        public Builder pool(boolean pool) {
            this.pool = pool;
            return this;
        }

        public Builder poolInitialSize(int size) {
            if (size < 0) {
                throw new IllegalArgumentException("poolInitialSize must be >= 0, was " + size);
            }
            this.poolInitialSize = size;
            return this;
        }

        public Builder poolMaxSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("poolMaxSize must be >= 1, was " + size);
            }
            this.poolMaxSize = size;
            return this;
        }

        public Builder maxIdleTime(Duration d) {
            this.maxIdleTime = Objects.requireNonNull(d, "maxIdleTime");
            return this;
        }

        public Builder maxLifeTime(Duration d) {
            this.maxLifeTime = Objects.requireNonNull(d, "maxLifeTime");
            return this;
        }

        public Builder acquireTimeout(Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("acquireTimeout must be positive, was " + d);
            }
            this.acquireTimeout = d;
            return this;
        }

        /** Check each connection with a round trip ({@code SELECT 1}) when it leaves the pool. */
        public Builder prePing(boolean prePing) {
            this.prePing = prePing;
            return this;
        }

        public Builder isolationLevel(IsolationLevel level) {
            this.isolationLevel = level;
            return this;
        }

        public Builder statementCacheSize(int size) {
            if (size < 0) {
                throw new IllegalArgumentException("statementCacheSize must be >= 0, was " + size);
            }
            this.statementCacheSize = size;
            return this;
        }

        public Builder insertManyValuesBatchSize(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("insertManyValuesBatchSize must be >= 1, was " + rows);
            }
            this.insertManyValuesBatchSize = rows;
            return this;
        }

        public Builder fetchSize(int rows) {
            if (rows < 0) {
                throw new IllegalArgumentException("fetchSize must be >= 0, was " + rows);
            }
            this.fetchSize = rows;
            return this;
        }

        /** Use this dialect ("postgresql", "mariadb", "h2") instead of detecting it. */
        public Builder dialect(String name) {
            this.dialect = name;
            return this;
        }

        public Builder listener(StatementListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        public EngineOptions build() {
            if (poolInitialSize > poolMaxSize) {
                throw new IllegalArgumentException(
                        "poolInitialSize (" + poolInitialSize + ") exceeds poolMaxSize (" + poolMaxSize + ")");
            }
            return new EngineOptions(this);
        }
    }
}
