package io.retort.orm.internal;

import io.retort.orm.Session;
import io.retort.sql.Select;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What an {@link io.retort.orm.EntityQuery} needs from its session: run a select (after autoflush) and hydrate. */
public interface QueryRunner {

    /** The rows of {@code select} as entities of {@code model} (its columns first, in attribute order). */
    <T> Flux<T> entities(EntityModel<T> model, Select select);

    /** The first column of the first row. */
    <R> Mono<R> scalar(Select select, Class<R> type);

    /** The session. */
    Session session();
}
