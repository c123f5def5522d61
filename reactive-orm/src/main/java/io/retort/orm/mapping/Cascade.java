package io.retort.orm.mapping;

/**
 * What an operation on an object does to the objects of one of its relationships, as SQLAlchemy names the
 * cascades. Without {@code cascade}, a relationship has {@link #SAVE_UPDATE} and {@link #MERGE}.
 *
 * <pre>{@code
 * @OneToMany(mappedBy = "user", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
 * LazyList<Address> addresses = LazyList.empty();
 * }</pre>
 */
public enum Cascade {
    /** Adding (or flushing) the parent adds the related objects. */
    SAVE_UPDATE,
    /** {@code merge} follows the relationship. */
    MERGE,
    /** Deleting the parent deletes the related objects. */
    DELETE,
    /** A child removed from the collection (or left without a parent) is deleted. */
    DELETE_ORPHAN,
    /** {@code refresh} follows the relationship. */
    REFRESH,
    /** {@code expunge} follows the relationship. */
    EXPUNGE,
    /** SAVE_UPDATE, MERGE, DELETE, REFRESH and EXPUNGE (not DELETE_ORPHAN). */
    ALL
}
