package io.retort.orm.internal;

import reactor.core.publisher.Mono;

/**
 * Connects a relationship holder ({@link io.retort.orm.Lazy}, {@link io.retort.orm.LazyList}) of a persistent
 * object to its session: loading on {@code fetch()}, and keeping the other side in sync on changes.
 */
public interface HolderBinding {

    /** {@code Entity.attribute}, for messages. */
    String describe();

    /** Whether an unloaded access must fail (raiseload). */
    boolean raise();

    /** Loads the relationship through the owning session (coalesced with concurrent fetches) into the holder. */
    Mono<Void> load();

    /** The object with this foreign-key value if the session has it loaded, else {@code null}. */
    default Object loadedTarget(Object foreignKey) {
        return null;
    }

    /** A to-one holder was set from {@code oldTarget} to {@code newTarget}. */
    void toOneChanged(Object oldTarget, Object newTarget);

    /** An object was added to a collection holder. */
    void added(Object target);

    /** An object was removed from a collection holder. */
    void removed(Object target);
}
