package io.retort.core.internal;

import io.retort.dialect.CompiledStatement;
import io.retort.dialect.Dialect;
import io.retort.sql.Executable;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Compiled statements by their shape ({@link Executable#cacheKey()}): a hot statement is compiled once. When
 * full, an arbitrary entry is evicted per insertion (cheap and good enough for a working set that fits).
 */
public final class StatementCache {
    private final Dialect dialect;
    private final int maxSize;
    private final ConcurrentHashMap<Object, CompiledStatement> map = new ConcurrentHashMap<>();
    private final LongAdder compiles = new LongAdder();
    private final LongAdder hits = new LongAdder();

    public StatementCache(Dialect dialect, int maxSize) {
        this.dialect = dialect;
        this.maxSize = maxSize;
    }

    public CompiledStatement compile(Executable statement) {
        if (maxSize == 0) {
            compiles.increment();
            return dialect.compile(statement);
        }
        Object key = statement.cacheKey();
        CompiledStatement c = map.get(key);
        if (c != null) {
            hits.increment();
            return c;
        }
        compiles.increment();
        c = dialect.compile(statement);
        if (map.size() >= maxSize) {
            Iterator<Object> it = map.keySet().iterator();
            if (it.hasNext()) {
                it.next();
                it.remove();
            }
        }
        CompiledStatement prev = map.putIfAbsent(key, c);
        return prev != null ? prev : c;
    }

    public long compileCount() {
        return compiles.sum();
    }

    public long hitCount() {
        return hits.sum();
    }

    public int size() {
        return map.size();
    }

    public void clear() {
        map.clear();
    }
}
