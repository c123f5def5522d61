package io.retort.bench.jmh;

import static io.retort.schema.Column.column;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.text;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.numeric;
import static io.retort.types.Types.string;

import io.retort.core.Engine;
import io.retort.core.EngineOptions;
import io.retort.dialect.CompiledStatement;
import io.retort.dialect.Dialect;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.sql.Select;
import io.retort.sql.TextClause;
import java.math.BigDecimal;
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
 * W6 (issue 9): what Retort spends before a statement reaches the driver, for a three-join select. No database is
 * touched (the engines' pools never open a connection).
 *
 * <p>Expression language ({@code select(...).join(...)}, the ON clauses inferred from the foreign keys):
 *
 * <ul>
 *   <li>{@code selectBuild}: building the statement only (new bind values every call);
 *   <li>{@code selectCacheKey}: {@code stmt.cacheKey()} of a built statement (what every cache lookup computes);
 *   <li>{@code selectBuildAndCompileCacheHit}: build, then {@code engine.compile(stmt)}: an equal shape is in the
 *       engine's cache (the values differ every call; the shape key ignores them);
 *   <li>{@code selectCompileCacheHit}: {@code engine.compile(stmt)} of an already built statement;
 *   <li>{@code selectBuildAndCompileCacheMiss}: build, then {@code dialect.compile(stmt)} (a fresh compile);
 *   <li>{@code selectCompileCacheMiss}: {@code dialect.compile(stmt)} of an already built statement.
 * </ul>
 *
 * <p>The {@code text()} stand-ins of the first harness (the same three-join select as SQL text) stay for comparison:
 * {@code textCompileCacheHit}, {@code textCompileCacheMiss} (engine with {@code statementCacheSize(0)}),
 * {@code textBuildAndCompileCacheHit} ({@code text(sql)} parsed anew, then a hit).
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

    static final MetaData METADATA = new MetaData();
    static final Table USERS = METADATA.table(
            "users",
            column("id", INTEGER).primaryKey(),
            column("name", string(30)).notNull());
    static final Table ADDRESSES = METADATA.table(
            "addresses",
            column("id", INTEGER).primaryKey(),
            column("user_id", INTEGER).notNull().references("users.id"),
            column("email", string(100)).notNull());
    static final Table ORDERS = METADATA.table(
            "orders",
            column("id", INTEGER).primaryKey(),
            column("user_id", INTEGER).notNull().references("users.id"),
            column("total", numeric(10, 2)).notNull());
    static final Table ORDER_ITEMS = METADATA.table(
            "order_items",
            column("id", INTEGER).primaryKey(),
            column("order_id", INTEGER).notNull().references("orders.id"),
            column("sku", string(40)).notNull());

    /** The three-join select of W6, with the given values bound (the shape does not depend on them). */
    static Select threeJoin(String name, BigDecimal total, String sku, int limit) {
        return select(USERS.c("id"), USERS.c("name"), ADDRESSES.c("email"), ORDERS.c("total"), ORDER_ITEMS.c("sku"))
                .join(ADDRESSES)
                .join(ORDERS)
                .join(ORDER_ITEMS)
                .where(
                        USERS.c("name").eq(name),
                        ORDERS.c("total").gt(total),
                        ORDER_ITEMS.c("sku").like(sku))
                .orderBy(ORDERS.c("id").desc())
                .limit(limit);
    }

    private static final String[] NAMES = {"sandy", "patrick", "squidward", "eugene"};
    private static final BigDecimal[] TOTALS = {BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("99.50")};

    private Engine cached;
    private Engine uncached;
    private Dialect dialect;
    private TextClause text;
    private Select built;
    private int n;

    @Setup
    public void setUp() {
        String url = "r2dbc:postgresql://postgres@127.0.0.1:5432/retort_bench";
        cached = Engine.create(url);
        uncached =
                Engine.create(url, EngineOptions.builder().statementCacheSize(0).build());
        dialect = cached.dialect();
        text = text(SQL);
        cached.compile(text);
        built = threeJoin("sandy", BigDecimal.TEN, "A-%", 10);
        cached.compile(built);
        // the compiled SQL, once, so a reader can see what is measured
        System.err.println("W6 select: " + cached.compile(built).sql());
    }

    @TearDown
    public void tearDown() {
        // the hit benchmarks must be hits: 2 compiles (setUp), everything else answered from the cache
        System.err.println(
                "cached engine: " + cached.compileCount() + " compiles, " + cached.compileCacheHits() + " cache hits");
        cached.dispose().block();
        uncached.dispose().block();
    }

    private Select next() {
        int i = n++;
        return threeJoin(NAMES[i & 3], TOTALS[i % 3], "A-" + (i & 7) + "%", 10 + (i & 15));
    }

    @Benchmark
    public Select selectBuild() {
        return next();
    }

    @Benchmark
    public Object selectCacheKey() {
        return built.cacheKey();
    }

    @Benchmark
    public CompiledStatement selectBuildAndCompileCacheHit() {
        return cached.compile(next());
    }

    @Benchmark
    public CompiledStatement selectCompileCacheHit() {
        return cached.compile(built);
    }

    @Benchmark
    public CompiledStatement selectBuildAndCompileCacheMiss() {
        return dialect.compile(next());
    }

    @Benchmark
    public CompiledStatement selectCompileCacheMiss() {
        return dialect.compile(built);
    }

    @Benchmark
    public CompiledStatement textCompileCacheHit() {
        return cached.compile(text);
    }

    @Benchmark
    public CompiledStatement textBuildAndCompileCacheHit() {
        return cached.compile(text(SQL));
    }

    @Benchmark
    public CompiledStatement textCompileCacheMiss() {
        return uncached.compile(text);
    }
}
