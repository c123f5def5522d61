package io.retort.bench.contenders;

import static io.retort.sql.Sql.text;

import io.r2dbc.pool.ConnectionPool;
import io.retort.bench.Contender;
import io.retort.bench.Counters;
import io.retort.bench.Data;
import io.retort.bench.DriverOptions;
import io.retort.bench.Pools;
import io.retort.bench.Workload;
import io.retort.bench.model.Author;
import io.retort.bench.model.Book;
import io.retort.bench.model.Item;
import io.retort.core.Engine;
import io.retort.core.EngineOptions;
import io.retort.core.Row;
import io.retort.sql.TextClause;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Retort Core as it is today: {@link Engine} over the same pool, {@code text()} statements (compiled once and
 * cached), {@code Row} mapped by hand, {@code executeUpdate(stmt, List<Map>)} for executemany.
 */
public final class RetortCore implements Contender {
    private static final TextClause SELECT_ITEM = text(Sql.SELECT_ITEM_NAMED);
    private static final TextClause SELECT_BIG = text(Sql.SELECT_BIG);
    private static final TextClause INSERT = text(Sql.INSERT_NAMED);
    private static final TextClause UPDATE = text(Sql.UPDATE_NAMED);
    private static final TextClause GRAPH = text(Sql.GRAPH);

    private final String name;
    private final Counters counters = new Counters();
    private final Engine engine;

    public RetortCore(String name, DriverOptions driver, int poolSize) {
        this.name = name;
        ConnectionPool pool = Pools.create(driver, poolSize, counters, "retort");
        this.engine = Engine.create(
                pool, EngineOptions.builder().poolMaxSize(poolSize).build());
    }

    public Engine engine() {
        return engine;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Counters counters() {
        return counters;
    }

    @Override
    public List<Variant> variants(Workload w, Data d) {
        return switch (w) {
            case W1 ->
                List.of(new Variant(
                        this,
                        name,
                        false,
                        "engine.connect(conn -> conn.execute(text, {id})), flatMap(16)",
                        () -> w1(d)));
            case W2 -> List.of(new Variant(this, name, false, "conn.execute(text), Row mapped by hand", this::w2));
            case W3 ->
                List.of(new Variant(
                        this,
                        name + ", executemany",
                        false,
                        "engine.transaction: conn.executeUpdate(insert text, List<Map>) -> multi-row VALUES of 1,000",
                        () -> w3(d)));
            case W4 ->
                List.of(new Variant(
                        this,
                        name + ", executemany",
                        false,
                        "per transaction: 20 conn.execute(select), one executeUpdate(update, 20 maps) = Statement.add()",
                        () -> w4(d)));
            case W5 ->
                List.of(new Variant(
                        this, name, false, "one JOIN query through conn.execute, rows grouped by hand", this::w5));
        };
    }

    static Item item(Row r) {
        return new Item(
                r.get(0, Integer.class),
                r.get(1, String.class),
                r.get(2, BigDecimal.class),
                r.get(3, LocalDateTime.class));
    }

    Mono<Long> w1(Data d) {
        int[] ids = d.w1Ids;
        return Flux.range(0, ids.length)
                .flatMap(
                        i -> engine.connect(conn -> conn.execute(SELECT_ITEM, Map.of("id", ids[i])))
                                .map(RetortCore::item)
                                .singleOrEmpty(),
                        d.concurrency)
                .count();
    }

    Mono<Long> w2() {
        return engine.connect(conn -> conn.execute(SELECT_BIG))
                .map(RetortCore::item)
                .count();
    }

    private static Map<String, Object> row(Item it) {
        return Map.of("id", it.id, "name", it.name, "price", it.price, "created", it.created);
    }

    Mono<Long> w3(Data d) {
        return Mono.defer(() -> {
            List<Map<String, Object>> rows = new ArrayList<>(d.w3Items.size());
            for (Item it : d.w3Items) {
                rows.add(row(it));
            }
            return engine.transaction(conn -> conn.executeUpdate(INSERT, rows)).reduce(0L, Long::sum);
        });
    }

    Mono<Long> w4(Data d) {
        return Flux.range(0, d.w4Transactions)
                .flatMap(
                        t -> {
                            int[] ids = d.w4Ids[t];
                            return engine.transaction(conn -> Flux.range(0, ids.length)
                                            .concatMap(i -> conn.execute(SELECT_ITEM, Map.of("id", ids[i]))
                                                    .map(RetortCore::item))
                                            .collectList()
                                            .flatMap(items -> {
                                                List<Map<String, Object>> changes = new ArrayList<>(items.size());
                                                for (Item it : items) {
                                                    it.touch();
                                                    changes.add(
                                                            Map.of("name", it.name, "price", it.price, "id", it.id));
                                                }
                                                return conn.executeUpdate(UPDATE, changes);
                                            }))
                                    .reduce(0L, Long::sum);
                        },
                        d.concurrency)
                .reduce(0L, Long::sum);
    }

    Mono<Long> w5() {
        return engine.connect(conn -> conn.execute(GRAPH))
                .collect(
                        Author.Grouper::new,
                        (g, r) -> g.add(
                                r.get(0, Integer.class),
                                r.get(1, String.class),
                                new Book(
                                        r.get(2, Integer.class),
                                        0,
                                        r.get(3, String.class),
                                        r.get(4, BigDecimal.class))))
                .map(Author.Grouper::size);
    }

    @Override
    public Mono<Void> close() {
        return engine.dispose();
    }
}
