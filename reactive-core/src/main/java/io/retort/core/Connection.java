package io.retort.core;

import io.retort.dialect.Dialect;
import io.retort.sql.Executable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A pooled connection lent to a scope by {@link Engine#connect} or {@link Engine#transaction}. It executes
 * statements and nests savepoints; it is released by the scope, never by the user.
 *
 * <p>Operations issued concurrently on one connection (for example {@code Flux.merge} of two queries) are
 * queued and run one after the other in subscription order; they are never interleaved on the wire.
 *
 * <pre>{@code
 * engine.transaction(conn -> conn.executeUpdate(text("UPDATE t SET x = :x WHERE id = :id"), Map.of("x", 1, "id", 2))
 *         .thenMany(conn.execute(text("SELECT x FROM t"))));
 * }</pre>
 */
public interface Connection {

    /**
     * Executes {@code statement} and streams its rows with backpressure. Emits one {@link Row} per result
     * row, then completes; errors with a {@link DatabaseException} (carrying the SQL) if the database refuses
     * it, or an {@link InvalidRequestException} before any I/O if a parameter is missing or unknown.
     * Cancelling stops the query.
     */
    Flux<Row> execute(Executable statement, Map<String, ?> parameters);

    /** {@link #execute(Executable, Map)} without parameters. */
    default Flux<Row> execute(Executable statement) {
        return execute(statement, Map.of());
    }

    /**
     * {@link #execute(Executable, Map)} fetching {@code fetchSize} rows per round trip for this statement (overriding
     * {@link EngineOptions#fetchSize()}), for streaming large results with flat memory: on PostgreSQL the rows come
     * from a portal {@code fetchSize} at a time as demand asks for them; drivers without cursors ignore it (they
     * still stream with backpressure at the socket). {@code 0} means the engine's setting.
     *
     * <pre>{@code
     * conn.execute(select(events), Map.of(), 500).doOnNext(this::process).then();
     * }</pre>
     */
    default Flux<Row> execute(Executable statement, Map<String, ?> parameters, int fetchSize) {
        return execute(statement, parameters);
    }

    /** Executes a DML or DDL statement; emits the number of rows affected. */
    Mono<Long> executeUpdate(Executable statement, Map<String, ?> parameters);

    /** {@link #executeUpdate(Executable, Map)} without parameters. */
    default Mono<Long> executeUpdate(Executable statement) {
        return executeUpdate(statement, Map.of());
    }

    /**
     * An "executemany": runs {@code statement} once per parameter set and emits the total rows affected. An
     * INSERT with a single {@code VALUES (...)} group is rewritten into multi-row {@code VALUES (...), (...)}
     * statements, each as large as {@link EngineOptions#insertManyValuesBatchSize()} and the driver's
     * parameter limit allow; other statements are sent as one {@code Statement.add()} batch.
     *
     * <pre>{@code
     * conn.executeUpdate(text("INSERT INTO users (name) VALUES (:name)"),
     *         List.of(Map.of("name", "spongebob"), Map.of("name", "sandy")));   // one statement
     * }</pre>
     */
    Mono<Long> executeUpdate(Executable statement, List<? extends Map<String, ?>> parameterSets);

    /**
     * An executemany whose statement returns rows (an {@code INSERT ... RETURNING}, see
     * {@link io.retort.dialect.Dialect#insertReturning}): batched like
     * {@link #executeUpdate(Executable, List)} and emitting every returned row, in parameter-set order.
     */
    Flux<Row> executeMany(Executable statement, List<? extends Map<String, ?>> parameterSets);

    /** The first column of the first row as {@code type}; empty when there is no row. */
    <T> Mono<T> scalar(Executable statement, Map<String, ?> parameters, Class<T> type);

    /** {@link #scalar(Executable, Map, Class)} without parameters. */
    default <T> Mono<T> scalar(Executable statement, Class<T> type) {
        return scalar(statement, Map.of(), type);
    }

    /**
     * Runs {@code work} inside a SAVEPOINT (SQLAlchemy's {@code begin_nested()}): released when its publisher
     * completes, rolled back to on error or cancel, leaving the enclosing transaction's earlier work intact.
     * Nestable. Requires an open transaction.
     *
     * <pre>{@code
     * engine.transaction(conn -> conn.executeUpdate(insertA)
     *         .then(conn.nested(c -> c.executeUpdate(insertB).then(Mono.error(new IllegalStateException())))
     *                 .onErrorResume(e -> Mono.empty()).then()));      // A is kept, B is rolled back
     * }</pre>
     */
    <T> Flux<T> nested(Function<Connection, ? extends Publisher<T>> work);

    /**
     * Begins a transaction on this (auto-commit) connection, runs {@code work}, commits when it completes and
     * rolls back on error or cancel.
     *
     * @throws InvalidRequestException (as an error signal) if a transaction is already open
     */
    <T> Flux<T> transaction(Function<Connection, ? extends Publisher<T>> work);

    /**
     * Begins a transaction explicitly (for code that manages its own scope, such as an ORM session; prefer
     * {@link Engine#transaction} or {@link #transaction}). {@code null} uses the database's isolation level.
     */
    Mono<Void> begin(IsolationLevel isolation);

    /** Commits the transaction begun with {@link #begin}. */
    Mono<Void> commit();

    /** Rolls back the transaction begun with {@link #begin}. */
    Mono<Void> rollback();

    /** Creates a savepoint and emits its name; requires an open transaction. */
    Mono<String> savepoint();

    /** Releases (keeps the work of) a savepoint created with {@link #savepoint()}. */
    Mono<Void> releaseSavepoint(String name);

    /** Rolls back to a savepoint created with {@link #savepoint()}. */
    Mono<Void> rollbackToSavepoint(String name);

    /**
     * Returns the connection to the pool. Only for connections from {@link Engine#open()}; the scopes
     * ({@code connect}, {@code transaction}) close theirs themselves.
     */
    Mono<Void> close();

    /** {@code true} while a transaction is open on this connection. */
    boolean inTransaction();

    /** The engine this connection belongs to. */
    Engine engine();

    /** The engine's dialect. */
    default Dialect dialect() {
        return engine().dialect();
    }

    /** The underlying R2DBC connection, for what Retort does not cover. Do not close it. */
    io.r2dbc.spi.Connection unwrap();
}
