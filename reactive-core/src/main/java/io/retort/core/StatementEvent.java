package io.retort.core;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One statement as it is sent to the database: the SQL, the bound values, and, once it has finished, how long
 * it took, how many rows it produced or changed, and the error if it failed. Handed to
 * {@link StatementListener}s; echo and the test suite's statement counting are built on it.
 *
 * <pre>{@code
 * engine.addListener(new StatementListener() {
 *     public void afterExecute(StatementEvent e) {
 *         if (e.duration().toMillis() > 100) log.warn("slow: {} {}", e.sql(), e.parameters());
 *     }
 * });
 * }</pre>
 */
public final class StatementEvent {
    private final String sql;
    private final List<List<Object>> parameters;
    private final long durationNanos;
    private final long rows;
    private final Throwable error;
    private final boolean finished;

    private StatementEvent(
            String sql,
            List<List<Object>> parameters,
            long durationNanos,
            long rows,
            Throwable error,
            boolean finished) {
        this.sql = sql;
        this.parameters = parameters;
        this.durationNanos = durationNanos;
        this.rows = rows;
        this.error = error;
        this.finished = finished;
    }

    /** The event given to {@link StatementListener#beforeExecute}. */
    public static StatementEvent before(String sql, List<List<Object>> parameters) {
        return new StatementEvent(sql, parameters, 0, 0, null, false);
    }

    /** This event, finished: duration, rows and error filled in. */
    public StatementEvent finish(long durationNanos, long rows, Throwable error) {
        return new StatementEvent(sql, parameters, durationNanos, rows, error, true);
    }

    /** The SQL text exactly as sent to the driver (with the dialect's placeholders). */
    public String sql() {
        return sql;
    }

    /**
     * The bound values, one list per parameter set: one entry for a single execution, several for a batch
     * ({@code Statement.add()}). A multi-row INSERT has one entry holding every row's values.
     */
    public List<List<Object>> parameters() {
        return parameters;
    }

    /** The number of parameter sets sent with this statement (1 unless it is a batch). */
    public int batchSize() {
        return Math.max(1, parameters.size());
    }

    /** Time from sending to the last signal; zero before the statement has finished. */
    public Duration duration() {
        return Duration.ofNanos(durationNanos);
    }

    /** Rows emitted (queries) or affected (DML) as seen when the statement finished. */
    public long rows() {
        return rows;
    }

    /** The error the statement failed with, if it failed. */
    public Optional<Throwable> error() {
        return Optional.ofNullable(error);
    }

    /** {@code true} for events given to {@link StatementListener#afterExecute}. */
    public boolean finished() {
        return finished;
    }

    @Override
    public String toString() {
        return sql + (parameters.isEmpty() ? "" : " " + parameters);
    }
}
