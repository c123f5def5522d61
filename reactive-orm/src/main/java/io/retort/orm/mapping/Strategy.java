package io.retort.orm.mapping;

/**
 * How a relationship is loaded by default (a query's {@code options(...)} overrides it).
 *
 * <pre>{@code
 * @OneToMany(mappedBy = "user", strategy = Strategy.SELECTIN) LazyList<Address> addresses;
 * }</pre>
 */
public enum Strategy {
    /** Not loaded with the parent; {@code fetch()} loads it (coalescing concurrent fetches into one query). */
    LAZY,
    /** One extra {@code SELECT ... WHERE key IN (...)} per relationship per batch of parents. */
    SELECTIN,
    /** A LEFT OUTER JOIN in the parent's statement. */
    JOINED,
    /** Not loaded, and any attempt to load it fails: forbids N+1 access. */
    RAISE,
    /** Not loaded; appears empty. */
    NOLOAD
}
