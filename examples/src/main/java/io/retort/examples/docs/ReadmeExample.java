package io.retort.examples.docs;

import static io.retort.sql.Sql.text;

import io.retort.core.Engine;
import io.retort.core.EngineOptions;
import io.retort.core.Row;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The README's first example: an engine, an executemany and a query with {@code text()}.
 *
 * <pre>{@code
 * ReadmeExample.run().collectList().block();
 * }</pre>
 */
public final class ReadmeExample {
    private ReadmeExample() {}

    /**
     * Creates a table, inserts two rows and reads them back.
     *
     * @return the rows, then the engine is disposed
     */
    public static Flux<Row> run() {
        // tag::readme[]
        Engine engine = Engine.create(
                "r2dbc:h2:mem:///readme", EngineOptions.builder().echo(true).build());
        Mono<Long> inserted = engine.transaction(conn -> conn.executeUpdate(
                        text("INSERT INTO user_account (id, name) VALUES (:id, :name)"),
                        List.of(Map.of("id", 1, "name", "spongebob"), Map.of("id", 2, "name", "sandy"))))
                .single();
        Flux<Row> rows = engine.connect(conn ->
                conn.execute(text("SELECT id, name FROM user_account WHERE name <> :skip"), Map.of("skip", "patrick")));
        // end::readme[]
        Mono<Void> ddl = engine.transaction(conn -> conn.executeUpdate(
                        text("CREATE TABLE user_account (id INTEGER PRIMARY KEY, name VARCHAR(30))")))
                .then();
        return ddl.then(inserted).thenMany(rows).concatWith(engine.dispose().then(Mono.empty()));
    }
}
