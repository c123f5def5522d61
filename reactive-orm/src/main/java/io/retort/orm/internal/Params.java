package io.retort.orm.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One parameter set of the ORM's statements, whose parameters are named {@code p0, p1, ...}: a read-only map backed
 * by an array, so the flush binds each row without building a {@code HashMap} and the names {@code "p" + i}.
 *
 * <pre>{@code
 * Map<String, Object> p = Params.of(new Object[] {42, "sandy"});   // {p0=42, p1=sandy}
 * }</pre>
 */
final class Params extends AbstractMap<String, Object> {
    private static final String[] NAMES = new String[256];

    static {
        for (int i = 0; i < NAMES.length; i++) {
            NAMES[i] = "p" + i;
        }
    }

    private final Object[] values;

    private Params(Object[] values) {
        this.values = values;
    }

    /** The map {@code p0 -> values[0], p1 -> values[1], ...}; {@code values} is used as it is, not copied. */
    static Map<String, Object> of(Object[] values) {
        return new Params(values);
    }

    /** The parameter name {@code "p" + i}. */
    static String name(int i) {
        return i < NAMES.length ? NAMES[i] : "p" + i;
    }

    /** The index a name {@code p<i>} stands for, or -1. */
    private int index(Object key) {
        if (!(key instanceof String s) || s.length() < 2 || s.charAt(0) != 'p') {
            return -1;
        }
        int n = 0;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9' || (i == 1 && c == '0' && s.length() > 2) || n > 100_000_000) {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n < values.length ? n : -1;
    }

    @Override
    public Object get(Object key) {
        int i = index(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return index(key) >= 0;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(name(i), values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
