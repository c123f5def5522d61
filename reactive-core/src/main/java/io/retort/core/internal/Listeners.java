package io.retort.core.internal;

import io.retort.core.StatementEvent;
import io.retort.core.StatementListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine's statement listeners plus echo; dispatch never lets a listener's failure escape. */
public final class Listeners {
    /** The logger echo writes to. */
    public static final Logger ENGINE_LOG = LoggerFactory.getLogger("io.retort.engine");

    private final CopyOnWriteArrayList<StatementListener> listeners = new CopyOnWriteArrayList<>();
    private final boolean echo;

    public Listeners(boolean echo, List<StatementListener> initial) {
        this.echo = echo;
        listeners.addAll(initial);
    }

    public void add(StatementListener l) {
        listeners.add(l);
    }

    public void remove(StatementListener l) {
        listeners.remove(l);
    }

    /** {@code true} when anyone wants events (a listener, or the echo log level is on). */
    public boolean active() {
        return !listeners.isEmpty() || logEnabled();
    }

    private boolean logEnabled() {
        return echo ? ENGINE_LOG.isInfoEnabled() : ENGINE_LOG.isDebugEnabled();
    }

    public void before(StatementEvent e) {
        if (logEnabled()) {
            List<List<Object>> p = e.parameters();
            String params = p.isEmpty() || (p.size() == 1 && p.get(0).isEmpty())
                    ? "[no parameters]"
                    : String.valueOf(abbreviated(e));
            if (echo) {
                ENGINE_LOG.info("{}\n{}", e.sql(), params);
            } else {
                ENGINE_LOG.debug("{}\n{}", e.sql(), params);
            }
        }
        for (StatementListener l : listeners) {
            try {
                l.beforeExecute(e);
            } catch (RuntimeException ex) {
                ENGINE_LOG.warn("StatementListener {} failed in beforeExecute", l, ex);
            }
        }
    }

    public void after(StatementEvent e) {
        if (e.error().isPresent() && logEnabled()) {
            ENGINE_LOG.info(
                    "failed after {} ms: {}",
                    e.duration().toMillis(),
                    e.error().get().toString());
        } else if (ENGINE_LOG.isDebugEnabled()) {
            ENGINE_LOG.debug("[{} rows in {} ms]", e.rows(), e.duration().toMillis());
        }
        for (StatementListener l : listeners) {
            try {
                l.afterExecute(e);
            } catch (RuntimeException ex) {
                ENGINE_LOG.warn("StatementListener {} failed in afterExecute", l, ex);
            }
        }
    }

    private static Object abbreviated(StatementEvent e) {
        List<List<Object>> p = e.parameters();
        if (p.size() <= 10) {
            return p.size() == 1 ? p.get(0) : p;
        }
        return p.subList(0, 10) + " ... (" + p.size() + " parameter sets)";
    }
}
