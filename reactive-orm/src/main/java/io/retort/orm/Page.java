package io.retort.orm;

import java.util.List;

/**
 * One page of a keyset-paginated query ({@link EntityQuery#page(int)}): its items, and where the next page starts.
 * Keyset pagination reads the next page with {@code WHERE (sort columns) > (last row's values)} instead of an
 * OFFSET, so every page costs the same and rows inserted meanwhile do not shift pages.
 *
 * <pre>{@code
 * Page<Member> page = session.select(Member.class).orderBy(Member_.name.asc()).page(50).block();
 * while (page.hasNext()) {
 *     page = session.select(Member.class).orderBy(Member_.name.asc()).page(50, page.next()).block();
 * }
 * }</pre>
 *
 * @param <T> the entity
 */
public final class Page<T> {
    private final List<T> items;
    private final Keyset next;

    /** Used by queries. */
    public Page(List<T> items, Keyset next) {
        this.items = List.copyOf(items);
        this.next = next;
    }

    /** The entities of this page, in order. */
    public List<T> items() {
        return items;
    }

    /** {@code true} when at least one more row follows this page. */
    public boolean hasNext() {
        return next != null;
    }

    /** Where the next page starts, or {@code null} on the last page. */
    public Keyset next() {
        return next;
    }

    @Override
    public String toString() {
        return "Page(" + items.size() + " items" + (next == null ? ", last" : ", next " + next.values()) + ")";
    }
}
