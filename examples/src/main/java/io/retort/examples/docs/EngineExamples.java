package io.retort.examples.docs;

import static io.retort.sql.Sql.text;

import io.retort.core.Connection;
import io.retort.core.Engine;
import io.retort.core.EngineOptions;
import io.retort.core.IsolationLevel;
import io.retort.core.StatementEvent;
import io.retort.core.StatementListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The snippets of docs/core/engine.md: engines, scopes, transactions, savepoints and listeners. Each method
 * returns a publisher; nothing runs until it is subscribed.
 *
 * <pre>{@code
 * Engine engine = EngineExamples.createEngine("r2dbc:h2:mem:///docs");
 * }</pre>
 */
public final class EngineExamples {
    private EngineExamples() {}

    /**
     * An engine with options.
     *
     * @param url an R2DBC URL
     * @return the engine
     */
    public static Engine createEngine(String url) {
        // tag::create-engine[]
        Engine engine = Engine.create(
                url, // e.g. "r2dbc:postgresql://app@127.0.0.1:5432/shop"
                EngineOptions.builder()
                        .echo(true) // log every statement and its parameters
                        .poolMaxSize(10)
                        .acquireTimeout(Duration.ofSeconds(5))
                        .build());
        // end::create-engine[]
        return engine;
    }

    /**
     * A {@code connect} scope.
     *
     * @param engine the engine
     * @return the names
     */
    public static Flux<String> connect(Engine engine) {
        // tag::connect[]
        Flux<String> names = engine.connect(conn -> conn.execute(
                        text("SELECT name FROM user_account WHERE id > :min ORDER BY id"), Map.of("min", 0)))
                .map(row -> row.get("name", String.class));
        // the connection goes back to the pool when the Flux completes, fails or is cancelled
        // end::connect[]
        return names;
    }

    /**
     * A transaction scope with an isolation level, and a savepoint inside it.
     *
     * @param engine the engine
     * @return rows affected by the outer statement
     */
    public static Mono<Long> transactionAndSavepoint(Engine engine) {
        // tag::transaction[]
        Mono<Long> renamed = engine.transaction(IsolationLevel.REPEATABLE_READ, conn -> conn.executeUpdate(
                                text("UPDATE user_account SET name = :name WHERE id = :id"),
                                Map.of("name", "Sandy", "id", 2))
                        .flatMap(n -> conn.nested(
                                        inner -> // SAVEPOINT
                                        inner.executeUpdate(
                                                        text("DELETE FROM user_account WHERE id = :id"),
                                                        Map.of("id", 1))
                                                .then(Mono.error(new IllegalStateException("undo the delete"))))
                                .onErrorResume(e -> Mono.empty()) // ROLLBACK TO SAVEPOINT; the update stays
                                .then(Mono.just(n))))
                .single(); // COMMIT when the publisher completes, ROLLBACK on error or cancel
        // end::transaction[]
        return renamed;
    }

    /**
     * Explicit transaction control on one connection.
     *
     * @param engine the engine
     * @return completes after the commit
     */
    public static Mono<Void> explicit(Engine engine) {
        // tag::explicit[]
        Mono<Void> done = Mono.usingWhen(
                engine.open(), // a pooled connection; close() gives it back
                conn -> conn.begin(IsolationLevel.READ_COMMITTED)
                        .then(conn.executeUpdate(text("UPDATE user_account SET name = upper(name)")))
                        .then(conn.commit()),
                Connection::close);
        // end::explicit[]
        return done;
    }

    /**
     * A statement listener counting statements.
     *
     * @param engine the engine
     * @return the counter (counts until the listener is disposed)
     */
    public static AtomicLong listener(Engine engine) {
        // tag::listener[]
        AtomicLong statements = new AtomicLong();
        Disposable off = engine.addListener(new StatementListener() {
            @Override
            public void afterExecute(StatementEvent e) {
                statements.incrementAndGet();
                if (e.duration().toMillis() > 500) {
                    System.out.println("slow: " + e.sql() + " " + e.duration());
                }
            }
        });
        // ... later: off.dispose();
        // end::listener[]
        return statements;
    }
}
