package io.retort.orm;

import java.util.List;

/**
 * Where a keyset ("seek") page ends: the sort values of its last row, in ORDER BY order (plus the primary key,
 * which {@link EntityQuery#page(int, Keyset)} adds as the last tie-breaker). Pass it to fetch the next page; it
 * is a plain value, safe to hand to a client and back.
 *
 * <pre>{@code
 * Page<Member> first = query.orderBy(Member_.score.desc()).page(20).block();
 * Page<Member> second = query.orderBy(Member_.score.desc()).page(20, first.next()).block();
 * Keyset fromClient = new Keyset(List.of(90, 1L));
 * }</pre>
 *
 * @param values the sort values of the last row
 */
public record Keyset(List<Object> values) {
    /** A keyset of these values. */
    public Keyset {
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }

    /** {@code new Keyset(List.of(values))}. */
    public static Keyset of(Object... values) {
        return new Keyset(java.util.Arrays.asList(values));
    }
}
