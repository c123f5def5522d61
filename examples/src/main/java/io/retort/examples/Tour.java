package io.retort.examples;

import static io.retort.sql.Sql.text;

import io.retort.core.Engine;
import io.retort.core.EngineOptions;
import io.retort.core.Row;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The Retort tour: a narrated run on embedded H2, printing each step and the SQL it emits (echo). The README's
 * first command runs it: {@code mvn -q -pl examples -am compile exec:java}.
 *
 * <p>Examples may block at the edges ({@code block()}) to print results in order; library code never does.
 */
public final class Tour {
    private static final Duration T = Duration.ofSeconds(30);

    private Tour() {}

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "r2dbc:h2:mem:///tour?options=DB_CLOSE_DELAY=-1";
        step("1. Create an engine (echo on: every statement is logged with its parameters)");
        Engine engine = Engine.create(url, EngineOptions.builder().echo(true).build());
        System.out.println("   dialect: " + engine.dialect().name());

        step("2. Create a table with text() DDL");
        engine.transaction(
                        c -> c.executeUpdate(
                                text(
                                        "CREATE TABLE user_account (id INTEGER PRIMARY KEY, name VARCHAR(30) NOT NULL, fullname VARCHAR(100))")))
                .blockLast(T);

        step("3. Insert many rows at once: one multi-row INSERT, values bound, never interpolated");
        List<Map<String, Object>> people = List.of(
                Map.of("id", 1, "name", "spongebob", "fullname", "Spongebob Squarepants"),
                Map.of("id", 2, "name", "sandy", "fullname", "Sandy Cheeks"),
                Map.of("id", 3, "name", "patrick", "fullname", "Patrick Star"));
        Long inserted = engine.transaction(c -> c.executeUpdate(
                        text("INSERT INTO user_account (id, name, fullname) VALUES (:id, :name, :fullname)"), people))
                .single()
                .block(T);
        System.out.println("   rows inserted: " + inserted);

        step("4. Query with a named parameter; rows stream back as a Flux");
        List<Row> rows = engine.connect(c -> c.execute(
                        text("SELECT id, name, fullname FROM user_account WHERE name <> :skip ORDER BY id"),
                        Map.of("skip", "patrick")))
                .collectList()
                .block(T);
        rows.forEach(r -> System.out.println("   " + r.get("id", Integer.class) + " " + r.get("name", String.class)
                + " (" + r.get("fullname", String.class) + ")"));

        step("5. A transaction that fails is rolled back: nothing of it remains");
        engine.transaction(c -> c.executeUpdate(text("DELETE FROM user_account"))
                        .then(Mono.error(new IllegalStateException("changed my mind"))))
                .onErrorResume(e -> {
                    System.out.println("   error: " + e.getMessage() + " -> rolled back");
                    return Mono.empty();
                })
                .blockLast(T);
        Long count = engine.connect(c -> c.scalar(text("SELECT COUNT(*) FROM user_account"), Long.class))
                .blockLast(T);
        System.out.println("   users still there: " + count);

        step("6. A savepoint: the inner failure is undone, the outer work is kept");
        engine.transaction(c -> c.executeUpdate(
                                text("UPDATE user_account SET fullname = :f WHERE id = 1"),
                                Map.of("f", "SpongeBob SquarePants"))
                        .thenMany(c.nested(n -> n.executeUpdate(text("DELETE FROM user_account WHERE id = 2"))
                                .then(Mono.error(new IllegalStateException("inner failure")))))
                        .onErrorResume(e -> Mono.empty()))
                .blockLast(T);
        engine.connect(c -> c.execute(text("SELECT id, fullname FROM user_account ORDER BY id")))
                .doOnNext(r -> System.out.println("   " + r.asMap()))
                .blockLast(T);

        engine.dispose().block(T);
        step("Done.");
    }

    private static void step(String title) {
        System.out.println();
        System.out.println("== " + title);
    }
}
