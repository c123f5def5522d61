package io.retort.bench.jmh;

import static io.retort.sql.Sql.text;

import io.retort.core.Engine;
import io.retort.core.EngineOptions;
import io.retort.dialect.CompiledStatement;
import io.retort.sql.TextClause;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W6 stand-in (issue 9): what Retort spends before a statement reaches the driver. The expression language is not
 * built yet, so the statement is a three-join {@code text()} select; when {@code select(...).join(...)} lands, add
 * its build-and-compile here beside these. No database is touched (the engine's pool never opens a connection).
 *
 * <ul>
 *   <li>{@code compileCacheHit}: {@code engine.compile(stmt)} of a statement already in the compiled cache;
 *   <li>{@code buildAndCompileCacheHit}: {@code text(sql)} parsed anew, then a cache hit (the key is the text);
 *   <li>{@code compileCacheMiss}: the same compile on an engine with {@code statementCacheSize(0)}.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CompileBenchmark {
    static final String SQL = "SELECT u.id, u.name, a.email, o.total, i.sku FROM users u"
            + " JOIN addresses a ON a.user_id = u.id JOIN orders o ON o.user_id = u.id"
            + " JOIN order_items i ON i.order_id = o.id"
            + " WHERE u.name = :name AND o.total > :total AND i.sku LIKE :sku ORDER BY o.id DESC LIMIT :limit";

    private Engine cached;
    private Engine uncached;
    private TextClause stmt;

    @Setup
    public void setUp() {
        String url = "r2dbc:postgresql://postgres@127.0.0.1:5432/retort_bench";
        cached = Engine.create(url);
        uncached =
                Engine.create(url, EngineOptions.builder().statementCacheSize(0).build());
        stmt = text(SQL);
        cached.compile(stmt);
    }

    @TearDown
    public void tearDown() {
        cached.dispose().block();
        uncached.dispose().block();
    }

    @Benchmark
    public CompiledStatement compileCacheHit() {
        return cached.compile(stmt);
    }

    @Benchmark
    public CompiledStatement buildAndCompileCacheHit() {
        return cached.compile(text(SQL));
    }

    @Benchmark
    public CompiledStatement compileCacheMiss() {
        return uncached.compile(stmt);
    }
}
