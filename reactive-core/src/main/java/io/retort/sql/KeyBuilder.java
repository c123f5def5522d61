package io.retort.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects a statement's <em>shape</em> (the cache key: structure, tables, columns, operators and value types,
 * never values) and, in the same traversal, its bound values in a canonical order. Compiled statements refer
 * to values by that order, so one compiled form serves every statement of the same shape.
 *
 * <pre>{@code
 * KeyBuilder.Shape s = KeyBuilder.of(select(users.c("id")).where(users.c("id").eq(5)));
 * s.values();   // [5]
 * }</pre>
 */
public final class KeyBuilder {
    private static final String VALUE = "?";
    private static final String REF = "&";
    private final List<Object> tokens = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();
    private final IdentityHashMap<Object, Integer> positions = new IdentityHashMap<>();
    private final IdentityHashMap<Object, Integer> seen = new IdentityHashMap<>();

    KeyBuilder() {}

    /** The shape of {@code element}. */
    public static Shape of(ClauseElement element) {
        KeyBuilder kb = new KeyBuilder();
        element.appendKey(kb);
        return new Shape(new Key(kb.tokens.toArray()), Collections.unmodifiableList(kb.values), kb.positions);
    }

    /** Appends a structural token (a string, a number, a class, a table or column by identity). */
    public KeyBuilder add(Object token) {
        tokens.add(token);
        return this;
    }

    /** Appends {@code element} itself as a token, compared by identity (for tables and columns). */
    public KeyBuilder identity(Object element) {
        tokens.add(element);
        return this;
    }

    /** Appends the shape of a child element ({@code null} gives a marker). */
    public KeyBuilder add(ClauseElement child) {
        if (child == null) {
            tokens.add("null");
        } else {
            child.appendKey(this);
        }
        return this;
    }

    /** Appends the shapes of children, with their count. */
    public KeyBuilder addAll(List<? extends ClauseElement> children) {
        tokens.add(children.size());
        for (ClauseElement c : children) {
            add(c);
        }
        return this;
    }

    /**
     * Registers a bound value owned by {@code owner} (the node that renders it) and appends its type to the
     * shape. An owner met twice refers to its first position.
     */
    public KeyBuilder value(Object owner, Object value, Object typeToken) {
        Integer p = positions.get(owner);
        if (p != null) {
            tokens.add(REF);
            tokens.add(p);
            return this;
        }
        positions.put(owner, values.size());
        values.add(value);
        tokens.add(VALUE);
        tokens.add(typeToken);
        return this;
    }

    /**
     * {@code true} the first time {@code node} is met; later meetings append a back-reference instead, so a
     * node shared in two places (a CTE) is described once.
     */
    public boolean firstVisit(Object node) {
        Integer p = seen.get(node);
        if (p != null) {
            tokens.add(REF);
            tokens.add("n" + p);
            return false;
        }
        seen.put(node, seen.size());
        return true;
    }

    /** A computed shape: the cache key, the values in canonical order and where each value owner sits. */
    public static final class Shape {
        private final Key key;
        private final List<Object> values;
        private final Map<Object, Integer> positions;

        Shape(Key key, List<Object> values, Map<Object, Integer> positions) {
            this.key = key;
            this.values = values;
            this.positions = positions;
        }

        /** The cache key. */
        public Object key() {
            return key;
        }

        /** The bound values in canonical order. */
        public List<Object> values() {
            return values;
        }

        /** The canonical position of a value owner, or -1. */
        public int position(Object owner) {
            Integer p = positions.get(owner);
            return p == null ? -1 : p;
        }
    }

    private static final class Key {
        private final Object[] tokens;
        private final int hash;

        Key(Object[] tokens) {
            this.tokens = tokens;
            this.hash = Arrays.hashCode(tokens);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && Arrays.equals(k.tokens, tokens);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return Arrays.toString(tokens);
        }
    }
}
