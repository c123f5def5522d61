package io.retort.orm.internal;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The hook for eager loading in a streamed query ({@code EntityQuery.stream(batch)}): the stream cuts its detached
 * parents into windows of {@code batch} objects and hands each window to the loader before emitting it, so a
 * {@code selectinload} issues one {@code IN (...)} query per window and memory stays bounded by the window.
 *
 * <p>A loader runs while the stream's own statement is still open on the session's connection (PostgreSQL keeps its
 * portal suspended between fetches), so it must not run session operations (they would wait for the stream); it
 * issues its IN queries on a second connection of the engine (read-committed visibility of committed rows), or the
 * stream is first windowed with the driver's fetch drained. {@link #NONE} leaves windows as they are.
 */
@FunctionalInterface
public interface WindowLoader {
    /** Loads nothing; the stream does not window at all. */
    WindowLoader NONE = window -> Mono.just(window);

    /** Loads the relationships of one window of parents; emits the window when done. */
    Mono<List<Object>> load(List<Object> window);
}
