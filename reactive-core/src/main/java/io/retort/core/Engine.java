package io.retort.core;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.retort.core.internal.DefaultConnection;
import io.retort.core.internal.Dialects;
import io.retort.core.internal.EngineContext;
import io.retort.dialect.Dialect;
import io.retort.sql.Executable;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The starting point of Retort Core, SQLAlchemy's {@code create_engine()}: a pool of R2DBC connections to one
 * database, the {@link Dialect} that speaks its SQL, a compiled-statement cache and statement listeners.
 * Thread-safe; create one per database and share it. Creating an engine does no I/O; connections are opened
 * on demand.
 *
 * <pre>{@code
 * Engine engine = Engine.create("r2dbc:h2:mem:///tour");
 * Flux<Row> rows = engine.connect(conn -> conn.execute(text("SELECT x, y FROM t WHERE y > :y"), Map.of("y", 2)));
 * Mono<Long> n = engine.transaction(conn -> conn.executeUpdate(text("DELETE FROM t"))).single();
 * engine.dispose().block();   // at shutdown, in application code
 * }</pre>
 */
public final class Engine {
    private final EngineContext ctx;
    private final ConnectionPool pool;

    private Engine(ConnectionFactory factory, Dialect dialect, EngineOptions options) {
        ConnectionFactory f = factory;
        ConnectionPool p = null;
        if (factory instanceof ConnectionPool existing) {
            p = existing;
        } else if (options.pool()) {
            ConnectionPoolConfiguration.Builder b = ConnectionPoolConfiguration.builder(factory)
                    .initialSize(options.poolInitialSize())
                    .maxSize(options.poolMaxSize())
                    .minIdle(0)
                    .maxIdleTime(options.maxIdleTime())
                    .maxAcquireTime(options.acquireTimeout())
                    .acquireRetry(0)
                    .name("retort-" + dialect.name());
            if (!options.maxLifeTime().isZero() && !options.maxLifeTime().isNegative()) {
                b.maxLifeTime(options.maxLifeTime());
            }
            if (options.prePing()) {
                b.validationQuery(dialect.validationQuery());
            }
            p = new ConnectionPool(b.build());
            f = p;
        }
        this.pool = p;
        this.ctx = new EngineContext(f, dialect, options);
    }

    /**
     * An engine for an R2DBC URL with default options. The URL's driver ({@code r2dbc:<driver>:...}) picks the
     * R2DBC driver and the Retort dialect.
     *
     * <pre>{@code
     * Engine.create("r2dbc:postgresql://127.0.0.1:5432/test");
     * Engine.create("r2dbc:mariadb://root@127.0.0.1:3306/test");
     * Engine.create("r2dbc:h2:mem:///tour");
     * }</pre>
     *
     * @throws InvalidRequestException when no dialect or no driver serves the URL's driver name
     */
    public static Engine create(String url) {
        return create(url, EngineOptions.defaults());
    }

    /**
     * An engine for an R2DBC URL.
     *
     * <pre>{@code
     * Engine.create("r2dbc:postgresql://127.0.0.1:5432/test",
     *         EngineOptions.builder().echo(true).poolMaxSize(10).acquireTimeout(Duration.ofSeconds(5)).build());
     * }</pre>
     */
    public static Engine create(String url, EngineOptions options) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(options, "options");
        ConnectionFactoryOptions parsed;
        try {
            parsed = ConnectionFactoryOptions.parse(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("Not an R2DBC URL: '" + mask(url) + "' (" + e.getMessage()
                    + "); expected r2dbc:<driver>://host:port/database, e.g. r2dbc:postgresql://127.0.0.1:5432/test");
        }
        String driver = String.valueOf(parsed.getValue(ConnectionFactoryOptions.DRIVER));
        boolean pooledUrl = "pool".equals(driver);
        if (pooledUrl) {
            Object protocol = parsed.getValue(ConnectionFactoryOptions.PROTOCOL);
            driver = protocol == null ? "" : protocol.toString().split(":")[0];
        }
        Dialect dialect = options.dialect() != null ? Dialects.byName(options.dialect()) : Dialects.forDriver(driver);
        parsed = io.retort.core.internal.DriverDefaults.apply(parsed, dialect);
        ConnectionFactory factory;
        try {
            factory = ConnectionFactories.get(parsed);
        } catch (IllegalStateException e) {
            if (ConnectionFactories.supports(parsed)) {
                // the driver is there but refused the URL's options (e.g. a missing user)
                throw new InvalidRequestException(
                        "The R2DBC driver for '" + driver + "' rejected the URL " + mask(url) + ": " + e.getMessage()
                                + (e.getMessage() != null && e.getMessage().contains("user")
                                        ? " (give a user, e.g. r2dbc:" + driver + "://postgres@127.0.0.1:5432/test)"
                                        : ""),
                        e);
            }
            throw new InvalidRequestException(
                    "No R2DBC driver on the class path serves '" + driver + "' (URL "
                            + mask(url)
                            + "); add the driver, e.g. org.postgresql:r2dbc-postgresql, org.mariadb:r2dbc-mariadb "
                            + "or io.r2dbc:r2dbc-h2",
                    e);
        }
        return new Engine(factory, dialect, options);
    }

    /**
     * An engine over a connection factory you already have (Spring-managed, proxied, already pooled). The
     * dialect comes from {@link EngineOptions#dialect()} or from the factory's metadata. A factory that is not
     * an r2dbc-pool {@code ConnectionPool} is wrapped in one unless {@code options.pool()} is false.
     */
    public static Engine create(ConnectionFactory factory, EngineOptions options) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(options, "options");
        Dialect dialect = options.dialect() != null
                ? Dialects.byName(options.dialect())
                : Dialects.forProduct(factory.getMetadata().getName());
        return new Engine(factory, dialect, options);
    }

    /**
     * Lends a connection to {@code work} (SQLAlchemy's {@code with engine.connect()}), in auto-commit mode.
     * Emits what {@code work}'s publisher emits; the connection is released when it completes, errors or is
     * cancelled. Fails with {@link PoolTimeoutException} when no connection frees up within the acquire
     * timeout.
     */
    public <T> Flux<T> connect(Function<Connection, ? extends Publisher<T>> work) {
        return Flux.usingWhen(
                acquire(), work::apply, DefaultConnection::close, (c, e) -> c.close(), DefaultConnection::close);
    }

    /**
     * Runs {@code work} in a transaction (SQLAlchemy's {@code with engine.begin()}) with the engine's isolation
     * level: commits when {@code work}'s publisher completes, rolls back when it errors or is cancelled, and
     * releases the connection after either. Emits what {@code work} emits.
     *
     * <p>Collect the result with {@code .single()}, {@code .collectList()}, {@code .last()} or {@code .then()}:
     * {@code Mono.from(flux)} and {@code next()} cancel after the first item, and a cancel rolls back.
     *
     * <pre>{@code
     * engine.transaction(conn -> conn.executeUpdate(text("INSERT INTO t (x) VALUES (:x)"), Map.of("x", 1))).single();
     * }</pre>
     */
    public <T> Flux<T> transaction(Function<Connection, ? extends Publisher<T>> work) {
        return transaction(ctx.options().isolationLevel(), work);
    }

    /** {@link #transaction(Function)} at the given isolation level ({@code null}: the database's default). */
    public <T> Flux<T> transaction(IsolationLevel isolation, Function<Connection, ? extends Publisher<T>> work) {
        return Flux.usingWhen(
                        acquire().flatMap(c -> c.begin(isolation).thenReturn(c).onErrorResume(e -> c.close()
                                .then(Mono.error(e)))),
                        work::apply,
                        c -> c.commit()
                                .onErrorResume(e -> c.close().then(Mono.error(e)))
                                .then(c.close()),
                        (c, e) -> c.rollback().onErrorResume(x -> Mono.empty()).then(c.close()),
                        c -> c.rollback().onErrorResume(x -> Mono.empty()).then(c.close()))
                .onErrorMap(io.retort.core.internal.Errors::unwrapCleanup);
    }

    /**
     * A connection that the caller manages: it must {@link Connection#close()} it on every path (complete,
     * error, cancel). Prefer {@link #connect} and {@link #transaction}, which do that; this is for code that
     * spans several calls, such as an ORM session. Emits the connection, or {@link PoolTimeoutException}.
     *
     * <pre>{@code
     * Flux.usingWhen(engine.open(), conn -> conn.execute(text("SELECT 1")), Connection::close);
     * }</pre>
     */
    public Mono<Connection> open() {
        return acquire().cast(Connection.class);
    }

    private Mono<DefaultConnection> acquire() {
        return Mono.from(ctx.factory().create())
                .onErrorMap(this::acquireError)
                .map(raw -> new DefaultConnection(this, ctx, raw));
    }

    private Throwable acquireError(Throwable e) {
        if (pool != null
                && (e instanceof TimeoutException
                        || e.getClass().getSimpleName().contains("Timeout"))) {
            PoolMetrics m = poolMetrics();
            return new PoolTimeoutException(
                    "Timed out after " + ctx.options().acquireTimeout().toMillis()
                            + " ms waiting for a connection from the pool ("
                            + "max size " + m.maxSize() + ", " + m.acquired() + " acquired, " + m.pending()
                            + " waiting); raise poolMaxSize or acquireTimeout, or hold connections for less time",
                    e);
        }
        return io.retort.core.internal.Errors.translate(e, null);
    }

    /** The dialect this engine compiles for. */
    public Dialect dialect() {
        return ctx.dialect();
    }

    /**
     * An {@link io.retort.schema.Inspector} over this engine's database, SQLAlchemy's {@code inspect(engine)}.
     * Creating it does no I/O; each of its methods borrows a connection.
     *
     * <pre>{@code
     * Mono<List<String>> names = engine.inspect().tableNames();
     * }</pre>
     */
    public io.retort.schema.Inspector inspect() {
        return new io.retort.schema.internal.DefaultInspector(this);
    }

    /** The options the engine was created with. */
    public EngineOptions options() {
        return ctx.options();
    }

    /** The connection factory connections are taken from (the pool, when pooled). */
    public ConnectionFactory connectionFactory() {
        return ctx.factory();
    }

    /**
     * Adds a listener for every statement from now on; dispose the returned handle to remove it.
     *
     * <pre>{@code
     * Disposable off = engine.addListener(recorder);
     * }</pre>
     */
    public Disposable addListener(StatementListener listener) {
        Objects.requireNonNull(listener, "listener");
        ctx.listeners().add(listener);
        return () -> ctx.listeners().remove(listener);
    }

    /**
     * The statement compiled for this engine's dialect, through the cache: what {@code execute} would send.
     *
     * <pre>{@code
     * engine.compile(text("SELECT :a")).sql();   // SELECT $1
     * }</pre>
     */
    public io.retort.dialect.CompiledStatement compile(Executable statement) {
        return ctx.cache().compile(statement);
    }

    /** How many statements the engine compiled (cache misses) since it was created. */
    public long compileCount() {
        return ctx.cache().compileCount();
    }

    /** How many statement compilations were answered from the cache. */
    public long compileCacheHits() {
        return ctx.cache().hitCount();
    }

    /** The pool's current state; all zeros when the engine does not pool. */
    public PoolMetrics poolMetrics() {
        if (pool == null) {
            return new PoolMetrics(0, 0, 0, 0, 0);
        }
        return pool.getMetrics()
                .map(m -> new PoolMetrics(
                        m.acquiredSize(),
                        m.idleSize(),
                        m.allocatedSize(),
                        m.pendingAcquireSize(),
                        m.getMaxAllocatedSize()))
                .orElse(new PoolMetrics(0, 0, 0, 0, ctx.options().poolMaxSize()));
    }

    /** Closes the pool and its connections. Completes when they are closed. */
    public Mono<Void> dispose() {
        if (pool == null) {
            return Mono.empty();
        }
        return pool.disposeLater();
    }

    /** Acquire timeout as configured. */
    Duration acquireTimeout() {
        return ctx.options().acquireTimeout();
    }

    private static String mask(String url) {
        return url.replaceAll("://([^:/@]*):[^@/]*@", "://$1:***@");
    }

    @Override
    public String toString() {
        return "Engine(" + ctx.dialect().name() + ")";
    }
}
