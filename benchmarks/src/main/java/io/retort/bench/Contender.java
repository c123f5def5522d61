package io.retort.bench;

import java.util.List;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * One library under test, on its own pool of the same size over a {@link CountingConnectionFactory}.
 *
 * <p>Each workload op is a {@code Mono<Long>} that completes only after all of its work (including commit) is done,
 * emitting the workload's checksum ({@link Data#expected}).
 */
public interface Contender {
    /** Its name in the table, e.g. {@code "raw R2DBC"}. */
    String name();

    /** The counters of its pool's connection factory. */
    Counters counters();

    /**
     * How this contender runs the workload: usually one variant, sometimes several (raw R2DBC's three ways of
     * bulk inserting); empty when it cannot run it.
     */
    List<Variant> variants(Workload w, Data d);

    Mono<Void> close();

    /**
     * One row of the table.
     *
     * @param label the contender and, where it has several, the way ({@code "raw R2DBC, multi-row VALUES"})
     * @param baseline whether this row is the workload's reference (the ratio's denominator)
     * @param note how it does the workload, printed under the table
     */
    record Variant(Contender contender, String label, boolean baseline, String note, Supplier<Mono<Long>> op) {}
}
