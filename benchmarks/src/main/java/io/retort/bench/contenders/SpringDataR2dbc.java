package io.retort.bench.contenders;

import static org.springframework.data.relational.core.query.Criteria.where;
import static org.springframework.data.relational.core.query.Query.query;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.relational.core.query.Update;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Spring Data R2DBC without Spring Boot: {@link R2dbcEntityTemplate}'s fluent API mapping {@link Item} and
 * {@link Book} by convention, transactions through {@link TransactionalOperator} over an {@link
 * R2dbcTransactionManager}.
 */
public final class SpringDataR2dbc implements Contender {
    private final Counters counters = new Counters();
    private final ConnectionPool pool;
    private final R2dbcEntityTemplate template;
    private final TransactionalOperator tx;

    /** W5's author row: Spring Data R2DBC has no relationships, so the books are loaded by a second query. */
    public record AuthorRow(int id, String name) {}

    public SpringDataR2dbc(DriverOptions driver, int poolSize) {
        this.pool = Pools.create(driver, poolSize, counters, "spring");
        this.template = new R2dbcEntityTemplate(pool);
        this.tx = TransactionalOperator.create(new R2dbcTransactionManager(pool));
    }

    @Override
    public String name() {
        return "Spring Data R2DBC";
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
                        "select(Item.class).from(..).matching(query(where(\"id\").is(id))).one()",
                        () -> w1(d)));
            case W2 -> List.of(new Variant(this, n, false, "select(Item.class).from(\"bench_big\").all()", this::w2));
            case W3 ->
                List.of(new Variant(
                        this,
                        n,
                        false,
                        "insert(Item.class).into(..).using(item) per row in one TransactionalOperator transaction"
                                + " (the template has no batch insert)",
                        () -> w3(d)));
            case W4 ->
                List.of(new Variant(
                        this, n, false, "per transaction: 20 select(..).one(), 20 update(..).apply(..)", () -> w4(d)));
            case W5 ->
                List.of(new Variant(
                        this,
                        n,
                        false,
                        "all authors, then books WHERE author_id IN (1,000 ids), grouped by hand (no relationships in"
                                + " Spring Data R2DBC)",
                        this::w5));
        };
    }

    private Mono<Item> selectItem(int id) {
        return template.select(Item.class)
                .from("bench_item")
                .matching(query(where("id").is(id)))
                .one();
    }

    Mono<Long> w1(Data d) {
        int[] ids = d.w1Ids;
        return Flux.range(0, ids.length)
                .flatMap(i -> selectItem(ids[i]), d.concurrency)
                .count();
    }

    Mono<Long> w2() {
        return template.select(Item.class).from("bench_big").all().count();
    }

    Mono<Long> w3(Data d) {
        return tx.transactional(Flux.fromIterable(d.w3Items)
                .concatMap(it -> template.insert(Item.class).into("bench_new").using(it))
                .count());
    }

    Mono<Long> w4(Data d) {
        return Flux.range(0, d.w4Transactions)
                .flatMap(
                        t -> {
                            int[] ids = d.w4Ids[t];
                            return tx.transactional(Flux.range(0, ids.length)
                                    .concatMap(i -> selectItem(ids[i]))
                                    .collectList()
                                    .flatMap(items -> Flux.fromIterable(items)
                                            .concatMap(it -> {
                                                it.touch();
                                                return template.update(Item.class)
                                                        .inTable("bench_item")
                                                        .matching(query(
                                                                where("id").is(it.id)))
                                                        .apply(Update.update("name", it.name)
                                                                .set("price", it.price));
                                            })
                                            .reduce(0L, Long::sum)));
                        },
                        d.concurrency)
                .reduce(0L, Long::sum);
    }

    Mono<Long> w5() {
        return template.select(AuthorRow.class)
                .from("bench_author")
                .all()
                .collectList()
                .flatMap(rows -> {
                    Map<Integer, Author> byId = new HashMap<>(rows.size() * 2);
                    List<Author> authors = new ArrayList<>(rows.size());
                    for (AuthorRow r : rows) {
                        Author a = new Author(r.id(), r.name());
                        byId.put(r.id(), a);
                        authors.add(a);
                    }
                    return template.select(Book.class)
                            .from("bench_book")
                            .matching(query(where("authorId").in(byId.keySet())).sort(Sort.by("authorId", "id")))
                            .all()
                            .doOnNext(b -> byId.get(b.authorId).books.add(b))
                            .count()
                            .map(books -> authors.size() + books);
                });
    }

    @Override
    public Mono<Void> close() {
        return pool.disposeLater();
    }
}
