package io.retort.core.internal;

import io.r2dbc.spi.ConnectionFactory;
import io.retort.core.EngineOptions;
import io.retort.dialect.Dialect;

/**
 * The state an engine shares with its connections: the factory, the dialect, options, listeners and the
 * compiled-statement cache.
 */
public final class EngineContext {
    private final ConnectionFactory factory;
    private final Dialect dialect;
    private final EngineOptions options;
    private final Listeners listeners;
    private final StatementCache cache;

    public EngineContext(ConnectionFactory factory, Dialect dialect, EngineOptions options) {
        this.factory = factory;
        this.dialect = dialect;
        this.options = options;
        this.listeners = new Listeners(options.echo(), options.listeners());
        this.cache = new StatementCache(dialect, options.statementCacheSize());
    }

    public ConnectionFactory factory() {
        return factory;
    }

    public Dialect dialect() {
        return dialect;
    }

    public EngineOptions options() {
        return options;
    }

    public Listeners listeners() {
        return listeners;
    }

    public StatementCache cache() {
        return cache;
    }
}
