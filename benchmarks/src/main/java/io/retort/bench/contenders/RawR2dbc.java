package io.retort.bench.contenders;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.Statement;
import io.retort.bench.Contender;
import io.retort.bench.Counters;
import io.retort.bench.Data;
import io.retort.bench.DriverOptions;
import io.retort.bench.Pools;
import io.retort.bench.Workload;
import io.retort.bench.model.Author;
import io.retort.bench.model.Book;
import io.retort.bench.model.Item;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The floor: r2dbc-postgresql through r2dbc-pool, SQL and mapping written by hand. */
public final class RawR2dbc implements Contender {
    private final String name;
    private final Counters counters = new Counters();
    private final ConnectionPool pool;
    private final boolean allVariants;
    private final ConcurrentHashMap<Integer, String> multiRowSql = new ConcurrentHashMap<>();

    /**
     * @param allVariants also run the alternative ways (W3 per-row and {@code Statement.add()}, W4 batched); the
     *     option sweep runs only the reference way of each workload
     */
    public RawR2dbc(String name, DriverOptions driver, int poolSize, boolean allVariants) {
        this.name = name;
        this.pool = Pools.create(driver, poolSize, counters, "raw");
        this.allVariants = allVariants;
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
        List<Variant> out = new ArrayList<>();
        switch (w) {
            case W1 -> out.add(new Variant(this, name, true, "one SELECT by id per lookup, flatMap(16)", () -> w1(d)));
            case W2 -> out.add(new Variant(this, name, true, "one SELECT, Result.map into objects", () -> w2()));
            case W3 -> {
                if (allVariants) {
                    out.add(new Variant(
                            this,
                            name + ", per-row",
                            false,
                            "20,000 INSERT executions in one transaction",
                            () -> w3PerRow(d)));
                    out.add(new Variant(
                            this,
                            name + ", Statement.add()",
                            false,
                            "one INSERT with 20,000 bound parameter sets (Statement.add())",
                            () -> w3Batched(d)));
                }
                out.add(new Variant(
                        this,
                        name + ", multi-row VALUES",
                        true,
                        "INSERT ... VALUES (...), (...) of 1,000 rows each, hand-written",
                        () -> w3MultiRow(d)));
            }
            case W4 -> {
                out.add(new Variant(
                        this,
                        name + ", 20 UPDATEs",
                        true,
                        "per transaction: 20 SELECTs by id, 20 UPDATEs, commit",
                        () -> w4(d, false)));
                if (allVariants) {
                    out.add(new Variant(
                            this,
                            name + ", Statement.add()",
                            false,
                            "per transaction: 20 SELECTs by id, one UPDATE with 20 parameter sets, commit",
                            () -> w4(d, true)));
                }
            }
            case W5 ->
                out.add(new Variant(
                        this, name, true, "one JOIN query, rows grouped by hand into authors with books", this::w5));
        }
        return out;
    }

    static Item item(Row r) {
        return new Item(
                r.get(0, Integer.class),
                r.get(1, String.class),
                r.get(2, BigDecimal.class),
                r.get(3, LocalDateTime.class));
    }

    private <T> Flux<T> withConnection(Function<Connection, Flux<T>> work) {
        return Flux.usingWhen(pool.create(), work, Connection::close);
    }

    /** Begin, work, commit; rollback on error or cancel; always release. Completes after the commit. */
    private <T> Mono<T> inTransaction(Function<Connection, Mono<T>> work) {
        return Mono.usingWhen(
                pool.create(),
                c -> Mono.from(c.beginTransaction()).then(work.apply(c)).flatMap(r -> Mono.from(c.commitTransaction())
                        .thenReturn(r)),
                Connection::close,
                (c, e) -> Mono.from(c.rollbackTransaction())
                        .onErrorResume(x -> Mono.empty())
                        .then(Mono.from(c.close())),
                c -> Mono.from(c.rollbackTransaction())
                        .onErrorResume(x -> Mono.empty())
                        .then(Mono.from(c.close())));
    }

    private static Mono<Long> updated(Statement st) {
        return Flux.from(st.execute()).flatMap(Result::getRowsUpdated).reduce(0L, Long::sum);
    }

    private static Mono<Item> selectItem(Connection c, int id) {
        return Flux.from(c.createStatement(Sql.SELECT_ITEM_PG).bind(0, id).execute())
                .flatMap(r -> r.map((row, m) -> item(row)))
                .singleOrEmpty();
    }

    Mono<Long> w1(Data d) {
        int[] ids = d.w1Ids;
        return Flux.range(0, ids.length)
                .flatMap(i -> withConnection(c -> selectItem(c, ids[i]).flux()).singleOrEmpty(), d.concurrency)
                .count();
    }

    Mono<Long> w2() {
        return withConnection(c -> Flux.from(c.createStatement(Sql.SELECT_BIG).execute())
                        .flatMap(r -> r.map((row, m) -> item(row))))
                .count();
    }

    private static Statement bindItem(Statement st, Item it, int offset) {
        return st.bind(offset, it.id)
                .bind(offset + 1, it.name)
                .bind(offset + 2, it.price)
                .bind(offset + 3, it.created);
    }

    Mono<Long> w3PerRow(Data d) {
        return inTransaction(c -> Flux.fromIterable(d.w3Items)
                .concatMap(it -> updated(bindItem(c.createStatement(Sql.INSERT_PG), it, 0)))
                .reduce(0L, Long::sum));
    }

    Mono<Long> w3Batched(Data d) {
        return inTransaction(c -> Mono.defer(() -> {
            Statement st = c.createStatement(Sql.INSERT_PG);
            List<Item> items = d.w3Items;
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    st.add();
                }
                bindItem(st, items.get(i), 0);
            }
            return updated(st);
        }));
    }

    Mono<Long> w3MultiRow(Data d) {
        List<Item> items = d.w3Items;
        List<List<Item>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += Sql.VALUES_CHUNK) {
            chunks.add(items.subList(i, Math.min(items.size(), i + Sql.VALUES_CHUNK)));
        }
        return inTransaction(c -> Flux.fromIterable(chunks)
                .concatMap(chunk -> Mono.defer(() -> {
                    Statement st = c.createStatement(multiRowSql.computeIfAbsent(chunk.size(), Sql::multiRowInsert));
                    for (int r = 0; r < chunk.size(); r++) {
                        bindItem(st, chunk.get(r), r * 4);
                    }
                    return updated(st);
                }))
                .reduce(0L, Long::sum));
    }

    Mono<Long> w4(Data d, boolean batched) {
        return Flux.range(0, d.w4Transactions)
                .flatMap(
                        t -> {
                            int[] ids = d.w4Ids[t];
                            return inTransaction(c -> Flux.range(0, ids.length)
                                    .concatMap(i -> selectItem(c, ids[i]))
                                    .collectList()
                                    .flatMap(items -> {
                                        items.forEach(Item::touch);
                                        return batched ? updateBatched(c, items) : updatePerRow(c, items);
                                    }));
                        },
                        d.concurrency)
                .reduce(0L, Long::sum);
    }

    private static Mono<Long> updatePerRow(Connection c, List<Item> items) {
        return Flux.fromIterable(items)
                .concatMap(it -> updated(c.createStatement(Sql.UPDATE_PG)
                        .bind(0, it.name)
                        .bind(1, it.price)
                        .bind(2, it.id)))
                .reduce(0L, Long::sum);
    }

    private static Mono<Long> updateBatched(Connection c, List<Item> items) {
        return Mono.defer(() -> {
            Statement st = c.createStatement(Sql.UPDATE_PG);
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    st.add();
                }
                Item it = items.get(i);
                st.bind(0, it.name).bind(1, it.price).bind(2, it.id);
            }
            return updated(st);
        });
    }

    private record GraphRow(int authorId, String authorName, Book book) {}

    Mono<Long> w5() {
        return withConnection(c -> Flux.from(c.createStatement(Sql.GRAPH).execute())
                        .flatMap(r -> r.map((row, m) -> new GraphRow(
                                row.get(0, Integer.class),
                                row.get(1, String.class),
                                new Book(
                                        row.get(2, Integer.class),
                                        0,
                                        row.get(3, String.class),
                                        row.get(4, BigDecimal.class))))))
                .collect(Author.Grouper::new, (g, r) -> g.add(r.authorId(), r.authorName(), r.book()))
                .map(Author.Grouper::size);
    }

    @Override
    public Mono<Void> close() {
        return pool.disposeLater();
    }
}
