package io.retort.bench;

import io.retort.bench.model.Item;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The sizes and the seeded inputs of the workloads, the same for every contender. {@code scale} shrinks them for
 * smoke runs (1.0 is issue 9's sizes).
 */
public final class Data {
    public final int concurrency = 16;
    public final int itemRows;
    public final int w1Lookups;
    public final int bigRows;
    public final int w3Rows;
    public final int w4Transactions;
    public final int w4RowsPerTx = 20;
    public final int authors;
    public final int booksPerAuthor = 10;

    /** W1: ids to look up, in 1..itemRows. */
    public final int[] w1Ids;
    /** W3: the new objects, ids 1..w3Rows. */
    public final List<Item> w3Items;
    /** W4: per transaction, 20 distinct ids in ascending order (a fixed lock order, so no deadlocks). */
    public final int[][] w4Ids;

    public Data(double scale) {
        itemRows = Math.max(100, (int) (10_000 * scale));
        w1Lookups = Math.max(100, (int) (20_000 * scale));
        bigRows = Math.max(100, (int) (200_000 * scale));
        w3Rows = Math.max(100, (int) (20_000 * scale));
        w4Transactions = Math.max(16, (int) (1_000 * scale));
        authors = Math.max(10, (int) (1_000 * scale));

        Random r = new Random(42);
        w1Ids = new int[w1Lookups];
        for (int i = 0; i < w1Ids.length; i++) {
            w1Ids[i] = 1 + r.nextInt(itemRows);
        }
        w3Items = new ArrayList<>(w3Rows);
        LocalDateTime t0 = LocalDateTime.of(2025, 1, 1, 0, 0);
        for (int i = 1; i <= w3Rows; i++) {
            w3Items.add(new Item(i, "new item " + i, BigDecimal.valueOf(i % 10_000, 2), t0.plusSeconds(i)));
        }
        w4Ids = new int[w4Transactions][];
        for (int t = 0; t < w4Transactions; t++) {
            int[] ids = r.ints(1, itemRows + 1).distinct().limit(w4RowsPerTx).toArray();
            Arrays.sort(ids);
            w4Ids[t] = ids;
        }
    }

    /** The checksum each workload's op must return (a contender returning anything else is broken). */
    public long expected(Workload w) {
        return switch (w) {
            case W1 -> w1Lookups;
            case W2 -> bigRows;
            case W3 -> w3Rows;
            case W4 -> (long) w4Transactions * w4RowsPerTx;
            case W5 -> authors + (long) authors * booksPerAuthor;
        };
    }

    /** How many {@link Workload#unit() units} one op does. */
    public long units(Workload w) {
        return switch (w) {
            case W1 -> w1Lookups;
            case W2 -> bigRows;
            case W3 -> w3Rows;
            case W4 -> w4Transactions;
            case W5 -> authors;
        };
    }
}
