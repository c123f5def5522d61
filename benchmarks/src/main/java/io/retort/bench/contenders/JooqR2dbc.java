package io.retort.bench.contenders;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

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
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep4;
import org.jooq.Record;
import org.jooq.Record4;
import org.jooq.RecordMapper;
import org.jooq.SQLDialect;
import org.jooq.SelectConditionStep;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * jOOQ 3.19 over R2DBC ({@code DSL.using(connectionFactory, POSTGRES)}), without code generation: tables and fields
 * declared by name with their data types, records mapped with {@code Records.mapping}-style lambdas, transactions
 * with {@code transactionPublisher}.
 */
public final class JooqR2dbc implements Contender {
    private static final Table<Record> ITEM = table(DSL.name("bench_item"));
    private static final Table<Record> BIG = table(DSL.name("bench_big"));
    private static final Table<Record> NEW = table(DSL.name("bench_new"));
    private static final Field<Integer> ID = field(DSL.name("id"), SQLDataType.INTEGER);
    private static final Field<String> NAME = field(DSL.name("name"), SQLDataType.VARCHAR);
    private static final Field<BigDecimal> PRICE = field(DSL.name("price"), SQLDataType.NUMERIC);
    private static final Field<LocalDateTime> CREATED = field(DSL.name("created"), SQLDataType.LOCALDATETIME);
    private static final Table<Record> A = table(DSL.name("bench_author")).as("a");
    private static final Table<Record> B = table(DSL.name("bench_book")).as("b");
    private static final Field<Integer> A_ID = field(DSL.name("a", "id"), SQLDataType.INTEGER);
    private static final Field<String> A_NAME = field(DSL.name("a", "name"), SQLDataType.VARCHAR);
    private static final Field<Integer> B_ID = field(DSL.name("b", "id"), SQLDataType.INTEGER);
    private static final Field<Integer> B_AUTHOR = field(DSL.name("b", "author_id"), SQLDataType.INTEGER);
    private static final Field<String> B_TITLE = field(DSL.name("b", "title"), SQLDataType.VARCHAR);
    private static final Field<BigDecimal> B_PRICE = field(DSL.name("b", "price"), SQLDataType.NUMERIC);
    private static final RecordMapper<Record4<Integer, String, BigDecimal, LocalDateTime>, Item> TO_ITEM =
            r -> new Item(r.value1(), r.value2(), r.value3(), r.value4());

    private final Counters counters = new Counters();
    private final ConnectionPool pool;
    private final DSLContext ctx;

    public JooqR2dbc(DriverOptions driver, int poolSize) {
        this.pool = Pools.create(driver, poolSize, counters, "jooq");
        this.ctx = DSL.using(pool, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
    }

    @Override
    public String name() {
        return "jOOQ 3.19 (R2DBC)";
    }

    @Override
    public Counters counters() {
        return counters;
    }

    @Override
    public List<Variant> variants(Workload w, Data d) {
        String n = name();
        return switch (w) {
            case W1 ->
                List.of(new Variant(
                        this,
                        n,
                        false,
                        "select(ID, NAME, PRICE, CREATED).from(ITEM).where(ID.eq(id)), flatMap(16)",
                        () -> w1(d)));
            case W2 -> List.of(new Variant(this, n, false, "select(..).from(BIG) streamed as a Publisher", this::w2));
            case W3 ->
                List.of(new Variant(
                        this,
                        n,
                        false,
                        "transactionPublisher: insertInto(..).values(..) x 1,000 rows per statement (multi-row VALUES;"
                                + " jOOQ's batch API is JDBC-only)",
                        () -> w3(d)));
            case W4 ->
                List.of(new Variant(
                        this,
                        n,
                        false,
                        "transactionPublisher: 20 selects by id, 20 update(..).set(..).where(..)",
                        () -> w4(d)));
            case W5 ->
                List.of(new Variant(
                        this,
                        n,
                        false,
                        "one select(..).from(A.join(B).on(..)).orderBy(..), grouped by hand (the same JOIN as raw)",
                        this::w5));
        };
    }

    private static SelectConditionStep<Record4<Integer, String, BigDecimal, LocalDateTime>> byId(DSLContext c, int id) {
        return c.select(ID, NAME, PRICE, CREATED).from(ITEM).where(ID.eq(id));
    }

    Mono<Long> w1(Data d) {
        int[] ids = d.w1Ids;
        return Flux.range(0, ids.length)
                .flatMap(i -> Flux.from(byId(ctx, ids[i])).map(TO_ITEM::map).singleOrEmpty(), d.concurrency)
                .count();
    }

    Mono<Long> w2() {
        return Flux.from(ctx.select(ID, NAME, PRICE, CREATED).from(BIG))
                .map(TO_ITEM::map)
                .count();
    }

    Mono<Long> w3(Data d) {
        List<Item> items = d.w3Items;
        return Flux.from(ctx.transactionPublisher(
                        trx -> Flux.range(0, (items.size() + Sql.VALUES_CHUNK - 1) / Sql.VALUES_CHUNK)
                                .concatMap(chunk -> {
                                    InsertValuesStep4<Record, Integer, String, BigDecimal, LocalDateTime> insert =
                                            trx.dsl().insertInto(NEW, ID, NAME, PRICE, CREATED);
                                    int end = Math.min(items.size(), (chunk + 1) * Sql.VALUES_CHUNK);
                                    for (int i = chunk * Sql.VALUES_CHUNK; i < end; i++) {
                                        Item it = items.get(i);
                                        insert = insert.values(it.id, it.name, it.price, it.created);
                                    }
                                    return Flux.from(insert);
                                })
                                .reduce(0L, (a, b) -> a + b)))
                .last();
    }

    Mono<Long> w4(Data d) {
        return Flux.range(0, d.w4Transactions)
                .flatMap(
                        t -> {
                            int[] ids = d.w4Ids[t];
                            return Flux.from(ctx.transactionPublisher(trx -> {
                                        DSLContext c = trx.dsl();
                                        return Flux.range(0, ids.length)
                                                .concatMap(i -> Flux.from(byId(c, ids[i]))
                                                        .map(TO_ITEM::map))
                                                .collectList()
                                                .flatMap(items -> Flux.fromIterable(items)
                                                        .concatMap(it -> {
                                                            it.touch();
                                                            return Flux.from(c.update(ITEM)
                                                                    .set(NAME, it.name)
                                                                    .set(PRICE, it.price)
                                                                    .where(ID.eq(it.id)));
                                                        })
                                                        .reduce(0L, (a, b) -> a + b));
                                    }))
                                    .last();
                        },
                        d.concurrency)
                .reduce(0L, Long::sum);
    }

    Mono<Long> w5() {
        return Flux.from(ctx.select(A_ID, A_NAME, B_ID, B_TITLE, B_PRICE)
                        .from(A.join(B).on(B_AUTHOR.eq(A_ID)))
                        .orderBy(A_ID, B_ID))
                .collect(
                        Author.Grouper::new,
                        (g, r) -> g.add(r.value1(), r.value2(), new Book(r.value3(), 0, r.value4(), r.value5())))
                .map(Author.Grouper::size);
    }

    @Override
    public Mono<Void> close() {
        return pool.disposeLater();
    }
}
