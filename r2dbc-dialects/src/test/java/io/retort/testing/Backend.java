package io.retort.testing;

import io.retort.core.Engine;
import io.retort.core.EngineOptions;
import io.retort.core.Row;
import io.retort.dialect.Dialect;
import io.retort.sql.Sql;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One database of the backend matrix: its name, URL and a shared {@link Engine} with a
 * {@link StatementRecorder} attached. Handed to {@link BackendTest} methods as a parameter.
 *
 * <pre>{@code
 * @BackendTest
 * void roundTrip(Backend db) {
 *     db.engine().connect(c -> c.execute(text("SELECT 1"))) ...
 * }
 * }</pre>
 */
public final class Backend {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final String url;
    private final String howToStart;
    private final StatementRecorder recorder = new StatementRecorder();
    private Engine engine;
    private boolean reachable;

    Backend(String name, String url, String howToStart) {
        this.name = name;
        this.url = url;
        this.howToStart = howToStart;
    }

    /** "h2", "postgresql" or "mariadb". */
    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    /** The shared engine for this backend (default options, the recorder attached). */
    public synchronized Engine engine() {
        if (engine == null) {
            engine = Engine.create(
                    url, EngineOptions.builder().listener(recorder).build());
        }
        return engine;
    }

    public Dialect dialect() {
        return engine().dialect();
    }

    /** The recorder attached to {@link #engine()}; cleared before each test. */
    public StatementRecorder recorder() {
        return recorder;
    }

    /** A new engine on this backend's URL with {@code options}; the caller disposes it. */
    public Engine newEngine(EngineOptions options) {
        return Engine.create(url, options);
    }

    /** Test helper: runs raw SQL statements in order (DDL, fixtures), outside any recorder count. */
    public void run(String... statements) {
        Flux.fromArray(statements)
                .concatMap(s -> engine().connect(c -> c.executeUpdate(Sql.text(s))))
                .then()
                .block(TIMEOUT);
        recorder.clear();
    }

    /** Test helper: the rows of a query, as maps. */
    public List<Map<String, Object>> query(String sql) {
        return engine().connect(c -> c.execute(Sql.text(sql)))
                .map(Row::asMap)
                .collectList()
                .block(TIMEOUT);
    }

    /**
     * Fails the test when it left connections of the shared engine checked out (a scope that did not release,
     * a session that was not closed): a leaked connection holds locks that hang the next test's cleanup.
     */
    synchronized void checkNoLeak(String test) {
        if (engine == null) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (engine.poolMetrics().acquired() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        int acquired = engine.poolMetrics().acquired();
        if (acquired > 0) {
            throw new AssertionError(test + " on " + name + " left " + acquired
                    + " connection(s) checked out of the pool: close every session and scope");
        }
    }

    /** Makes sure the database answers, then drops everything a previous test left behind. */
    synchronized void reset() {
        if (!reachable) {
            try {
                engine().connect(c -> c.execute(Sql.text("SELECT 1"))).then().block(Duration.ofSeconds(20));
                reachable = true;
            } catch (RuntimeException e) {
                throw new AssertionError(
                        "Backend '" + name + "' at " + url + " is not reachable (" + e.getMessage() + ").\n"
                                + "Start it: " + howToStart + "\n"
                                + "or choose other backends, e.g. RETORT_BACKENDS=h2 mvn verify",
                        e);
            }
        }
        clean().block(TIMEOUT);
        recorder.clear();
    }

    private Mono<Void> clean() {
        Engine e = engine();
        switch (name) {
            case "h2":
                return e.connect(c -> c.executeUpdate(Sql.text("DROP ALL OBJECTS")))
                        .then();
            case "postgresql":
                return e.connect(c -> c.executeUpdate(Sql.text("DROP SCHEMA IF EXISTS public CASCADE"))
                                .then(c.executeUpdate(Sql.text("CREATE SCHEMA public"))))
                        .then();
            case "mariadb":
                return e.connect(c -> c.execute(
                                        Sql.text(
                                                "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = DATABASE()"))
                                .map(r -> (r.get("table_type", String.class).contains("SEQUENCE")
                                                ? "DROP SEQUENCE `"
                                                : "DROP TABLE `")
                                        + r.get("table_name", String.class).replace("`", "``") + "`")
                                .collectList()
                                .flatMapMany(drops -> c.executeUpdate(Sql.text("SET FOREIGN_KEY_CHECKS = 0"))
                                        .thenMany(Flux.fromIterable(drops).concatMap(d -> c.executeUpdate(Sql.text(d))))
                                        .then(c.executeUpdate(Sql.text("SET FOREIGN_KEY_CHECKS = 1")))))
                        .then();
            default:
                return Mono.error(new IllegalStateException("unknown backend " + name));
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
