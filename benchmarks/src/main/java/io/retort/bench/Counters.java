package io.retort.bench;

import java.util.concurrent.atomic.LongAdder;

/** What the counting connection factory saw: statements executed and transaction control calls. */
public final class Counters {
    final LongAdder statements = new LongAdder();
    final LongAdder bindings = new LongAdder();
    final LongAdder transactionControl = new LongAdder();

    /** {@code Statement.execute()} and {@code Batch.execute()} calls: one per statement sent to the server. */
    public long statements() {
        return statements.sum();
    }

    /** Parameter sets bound (a {@code Statement.add()} batch of 20 rows counts 20). */
    public long bindings() {
        return bindings.sum();
    }

    /** {@code beginTransaction}, {@code commitTransaction}, {@code rollbackTransaction} and savepoint calls. */
    public long transactionControl() {
        return transactionControl.sum();
    }

    /**
     * Counts one statement sent with {@code parameterSets} parameter sets: for a contender that does not run on
     * R2DBC and counts at its own client's API (Hibernate Reactive on the Vert.x SQL client).
     */
    public void countStatement(long parameterSets) {
        statements.increment();
        bindings.add(parameterSets);
    }

    /** Counts one begin, commit or rollback: for a contender that does not run on R2DBC. */
    public void countTransactionControl() {
        transactionControl.increment();
    }
}
