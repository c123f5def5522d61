package io.retort.orm;

import reactor.core.publisher.Mono;

/**
 * A SAVEPOINT begun with {@link Session#beginNested()}.
 *
 * <pre>{@code
 * session.beginNested().flatMap(sp -> doRiskyThing(session).then(sp.commit()).onErrorResume(e -> sp.rollback()));
 * }</pre>
 */
public interface NestedTransaction {

    /** Flushes and releases the savepoint, keeping its work in the enclosing transaction. */
    Mono<Void> commit();

    /** Rolls back to the savepoint; objects added, changed or deleted since are expunged or restored. */
    Mono<Void> rollback();
}
