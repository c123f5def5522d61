package io.retort.testing;

import io.retort.core.StatementEvent;
import io.retort.core.StatementListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Records every statement an engine finished, so tests can assert how many statements ran and which SQL
 * they were (an N+1 or an unbatched write shows up as a count or a diff).
 *
 * <pre>{@code
 * recorder.clear();
 * ... run something ...
 * assertThat(recorder.count()).isEqualTo(1);
 * assertThat(recorder.sql()).containsExactly("INSERT INTO t (a) VALUES ($1), ($2)");
 * }</pre>
 */
public final class StatementRecorder implements StatementListener {
    private final List<StatementEvent> events = new ArrayList<>();

    @Override
    public synchronized void afterExecute(StatementEvent event) {
        events.add(event);
    }

    /** The statements finished since the last {@link #clear()}, in order. */
    public synchronized List<StatementEvent> statements() {
        return List.copyOf(events);
    }

    /** Their SQL texts. */
    public synchronized List<String> sql() {
        return events.stream().map(StatementEvent::sql).toList();
    }

    public synchronized int count() {
        return events.size();
    }

    /** Statements whose SQL matches. */
    public synchronized int count(Predicate<String> sql) {
        return (int) events.stream().map(StatementEvent::sql).filter(sql).count();
    }

    /** Statements whose SQL starts with {@code keyword} (case-insensitive), e.g. "INSERT". */
    public int count(String keyword) {
        String k = keyword.toUpperCase(Locale.ROOT);
        return count(s -> s.stripLeading().toUpperCase(Locale.ROOT).startsWith(k));
    }

    public synchronized void clear() {
        events.clear();
    }
}
