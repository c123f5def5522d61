package io.retort.orm.internal;

import io.retort.orm.Session;
import io.retort.sql.Select;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What an {@link io.retort.orm.EntityQuery} needs from its session: run a select (after autoflush) and hydrate. */
public interface QueryRunner {

    /** The rows of {@code select} as entities of {@code model} (its columns first, in attribute order). */
    <T> Flux<T> entities(EntityModel<T> model, Select select);

    /** {@link #entities(EntityModel, Select)} fetching {@code fetchSize} rows per round trip (0: the engine's). */
    <T> Flux<T> entities(EntityModel<T> model, Select select, int fetchSize);

    /** The rows of {@code select} as new detached objects, {@code batch} rows per fetch, not kept by the session. */
    <T> Flux<T> stream(EntityModel<T> model, Select select, int batch);

    /** {@link #stream(EntityModel, Select, int)} with selectin loading per window of streamed parents. */
    <T> Flux<T> stream(
            EntityModel<T> model, Select select, int batch, java.util.List<io.retort.orm.LoaderOption> options);

    /** The plain rows of {@code select} (after autoflush). */
    Flux<io.retort.core.Row> rows(Select select, int fetchSize);
    /** As {@link #entities(EntityModel, Select)}, then loading relationships as {@code options} and defaults say. */
    <T> Flux<T> entities(EntityModel<T> model, Select select, java.util.List<io.retort.orm.LoaderOption> options);

    /** The first column of the first row. */
    <R> Mono<R> scalar(Select select, Class<R> type);

    /** The session. */
    Session session();
}
