package io.retort.sql;

import io.retort.core.InvalidRequestException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Literal SQL with named {@code :parameters}, SQLAlchemy's {@code text()}. The names are rewritten to the
 * driver's placeholders when the statement is compiled and the values are always bound, never interpolated.
 *
 * <p>What counts as a parameter: a colon followed by a name ({@code [A-Za-z_][A-Za-z0-9_]*}), outside string
 * literals, quoted identifiers and comments, and not part of a PostgreSQL cast ({@code ::int}). Write
 * {@code \:name} for a literal colon. A parameter's Java type (used to bind {@code null}) can be given with
 * {@link #bindType(String, Class)}.
 *
 * <pre>{@code
 * TextClause q = text("SELECT x, y FROM t WHERE y > :y AND label = ':not_a_param'");
 * engine.connect(conn -> conn.execute(q, Map.of("y", 2)));
 * // PostgreSQL and H2: SELECT x, y FROM t WHERE y > $1 AND label = ':not_a_param'
 * // MariaDB:           SELECT x, y FROM t WHERE y > ? AND label = ':not_a_param'
 * }</pre>
 */
public final class TextClause implements Executable {
    private final String text;
    private final List<Object> parts; // String pieces and Param references
    private final int groupStart;
    private final int groupEnd;
    private final Set<String> names;
    private final Map<String, Class<?>> types;
    private final Map<String, io.retort.types.SqlType<?>> sqlTypes;
    private final Map<String, io.retort.types.SqlType<?>> resultTypes;

    /** A reference to a named parameter inside the text. */
    public record Param(String name) {}

    TextClause(String text) {
        this(text, Parser.parse(Objects.requireNonNull(text, "text")), Map.of());
    }

    private TextClause(String text, Parser parsed, Map<String, Class<?>> types) {
        this.text = text;
        this.parts = parsed.parts;
        this.groupStart = parsed.groupStart;
        this.groupEnd = parsed.groupEnd;
        this.names = parsed.names;
        this.types = types;
        this.sqlTypes = Map.of();
        this.resultTypes = Map.of();
    }

    private TextClause(TextClause base, Map<String, Class<?>> types) {
        this(base, types, base.sqlTypes, base.resultTypes);
    }

    private TextClause(
            TextClause base,
            Map<String, Class<?>> types,
            Map<String, io.retort.types.SqlType<?>> sqlTypes,
            Map<String, io.retort.types.SqlType<?>> resultTypes) {
        this.text = base.text;
        this.parts = base.parts;
        this.groupStart = base.groupStart;
        this.groupEnd = base.groupEnd;
        this.names = base.names;
        this.types = types;
        this.sqlTypes = sqlTypes;
        this.resultTypes = resultTypes;
    }

    /**
     * A copy that binds {@code name} through {@code type}: the dialect's type map converts the value for its
     * driver (a UUID becomes text on MariaDB, a converter's user type becomes its stored value) and a null is
     * bound with the right driver class.
     *
     * <pre>{@code
     * text("INSERT INTO t (id, price) VALUES (:id, :price)").bindType("id", UUID).bindType("price", MONEY)
     * }</pre>
     *
     * @throws InvalidRequestException if the text has no parameter of that name
     */
    public TextClause bindType(String name, io.retort.types.SqlType<?> type) {
        Objects.requireNonNull(type, "type");
        TextClause t = bindType(name, type.javaType());
        Map<String, io.retort.types.SqlType<?>> m = new LinkedHashMap<>(sqlTypes);
        m.put(name, type);
        return new TextClause(t, t.types, Collections.unmodifiableMap(m), resultTypes);
    }

    /**
     * A copy whose result columns are read through their SQL types, SQLAlchemy's
     * {@code text(...).columns(...)}: each row holds the Java values of the types (a {@code UUID}, a
     * {@code List} for an ARRAY, a converter's user type) whatever the driver returned. Labels match
     * case-insensitively.
     *
     * <pre>{@code
     * text("SELECT id, price FROM t").columns(Map.of("id", UUID, "price", MONEY))
     * }</pre>
     */
    public TextClause columns(Map<String, ? extends io.retort.types.SqlType<?>> columnTypes) {
        Map<String, io.retort.types.SqlType<?>> m = new LinkedHashMap<>(resultTypes);
        m.putAll(columnTypes);
        return new TextClause(this, types, sqlTypes, Collections.unmodifiableMap(m));
    }

    /**
     * {@link #columns(Map)} from table columns: each result column labelled like a column is read as its type.
     *
     * <pre>{@code
     * text("SELECT * FROM users").columns(users.columns())
     * }</pre>
     */
    public TextClause columns(java.util.Collection<? extends ColumnElement<?>> columns) {
        Map<String, io.retort.types.SqlType<?>> m = new LinkedHashMap<>();
        for (ColumnElement<?> c : columns) {
            if (c instanceof io.retort.schema.Column<?> col) {
                m.put(col.name(), col.type());
            }
        }
        return columns(m);
    }

    /** The SQL type a parameter is bound through, or {@code null}. */
    public io.retort.types.SqlType<?> sqlTypeOf(String name) {
        return sqlTypes.get(name);
    }

    /** The declared result column types by label (empty when untyped). */
    public Map<String, io.retort.types.SqlType<?>> resultTypes() {
        return resultTypes;
    }

    /**
     * A copy that binds a {@code null} for {@code name} as {@code javaType} (some drivers need the type of a
     * null value, e.g. PostgreSQL for an {@code integer} column).
     *
     * <pre>{@code
     * text("UPDATE users SET age = :age WHERE id = :id").bindType("age", Integer.class)
     * }</pre>
     *
     * @throws InvalidRequestException if the text has no parameter of that name
     */
    public TextClause bindType(String name, Class<?> javaType) {
        if (!names.contains(name)) {
            throw new InvalidRequestException(
                    "text() has no parameter '" + name + "' (parameters: " + names + ") in: " + text);
        }
        Map<String, Class<?>> t = new LinkedHashMap<>(types);
        t.put(name, Objects.requireNonNull(javaType, "javaType"));
        return new TextClause(this, Collections.unmodifiableMap(t));
    }

    /** The SQL as written. */
    public String text() {
        return text;
    }

    /** The parameter names in order of first appearance. */
    public Set<String> parameterNames() {
        return names;
    }

    /** The declared Java type of a parameter, or {@code Object.class}. */
    public Class<?> bindTypeOf(String name) {
        return types.getOrDefault(name, Object.class);
    }

    /** The text split into {@link String} pieces and {@link Param} references. */
    public List<Object> parts() {
        return parts;
    }

    /** Index into {@link #parts()} where the repeatable single-row {@code VALUES (...)} group starts, or -1. */
    public int valuesGroupStart() {
        return groupStart;
    }

    /** Index into {@link #parts()} just after the VALUES group. */
    public int valuesGroupEnd() {
        return groupEnd;
    }

    @Override
    public Object cacheKey() {
        if (sqlTypes.isEmpty() && resultTypes.isEmpty()) {
            return types.isEmpty() ? text : List.of(text, types);
        }
        return List.of(text, types, sqlTypes, resultTypes);
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextClause t
                && t.text.equals(text)
                && t.types.equals(types)
                && t.sqlTypes.equals(sqlTypes)
                && t.resultTypes.equals(resultTypes);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** Splits SQL text into pieces and parameters, and finds the VALUES group of a simple INSERT. */
    private static final class Parser {
        final List<Object> parts = new ArrayList<>();
        final Set<String> names = new LinkedHashSet<>();
        int groupStart = -1;
        int groupEnd = -1;

        static Parser parse(String sql) {
            Parser p = new Parser();
            p.run(sql);
            return p;
        }

        private void run(String sql) {
            int[] group = findValuesGroup(sql);
            StringBuilder piece = new StringBuilder();
            int n = sql.length();
            int i = 0;
            while (i < n) {
                if (group != null && i == group[0]) {
                    flush(piece);
                    groupStart = parts.size();
                }
                char c = sql.charAt(i);
                if (c == '\'' || c == '"' || c == '`') {
                    int end = skipQuoted(sql, i, c);
                    piece.append(sql, i, end);
                    i = end;
                } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                    int end = sql.indexOf('\n', i);
                    end = end < 0 ? n : end;
                    piece.append(sql, i, end);
                    i = end;
                } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                    int end = sql.indexOf("*/", i + 2);
                    end = end < 0 ? n : end + 2;
                    piece.append(sql, i, end);
                    i = end;
                } else if (c == '\\' && i + 1 < n && sql.charAt(i + 1) == ':') {
                    piece.append(':');
                    i += 2;
                } else if (c == ':'
                        && i + 1 < n
                        && isNameStart(sql.charAt(i + 1))
                        && (i == 0 || (sql.charAt(i - 1) != ':' && !isNamePart(sql.charAt(i - 1))))) {
                    int end = i + 1;
                    while (end < n && isNamePart(sql.charAt(end))) {
                        end++;
                    }
                    flush(piece);
                    String name = sql.substring(i + 1, end);
                    names.add(name);
                    parts.add(new Param(name));
                    i = end;
                } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                    piece.append("::");
                    i += 2;
                } else {
                    piece.append(c);
                    i++;
                }
                if (group != null && i == group[1]) {
                    flush(piece);
                    groupEnd = parts.size();
                }
            }
            flush(piece);
            if (groupStart >= 0 && groupEnd < 0) {
                groupStart = -1;
            }
        }

        private void flush(StringBuilder piece) {
            if (piece.length() > 0) {
                parts.add(piece.toString());
                piece.setLength(0);
            }
        }

        /**
         * [start, end) of the single-row parenthesised group that follows a {@code VALUES} keyword (at any
         * nesting depth: {@code INSERT ... VALUES (...)}, {@code UPDATE ... FROM (VALUES (...)) AS v(...)},
         * {@code MERGE ... USING (VALUES (...))}), or null when there is none, or it already lists several rows.
         * Only an executemany repeats it, and only when every parameter of the statement is inside it.
         */
        static int[] findValuesGroup(String sql) {
            int n = sql.length();
            int i = 0;
            while (i < n) {
                char c = sql.charAt(i);
                if (c == '\'' || c == '"' || c == '`') {
                    i = skipQuoted(sql, i, c);
                    continue;
                }
                if ((c == 'V' || c == 'v')
                        && sql.regionMatches(true, i, "VALUES", 0, 6)
                        && (i == 0 || !isNamePart(sql.charAt(i - 1)))
                        && (i + 6 >= n || !isNamePart(sql.charAt(i + 6)))) {
                    int j = i + 6;
                    while (j < n && Character.isWhitespace(sql.charAt(j))) {
                        j++;
                    }
                    if (j >= n || sql.charAt(j) != '(') {
                        return null;
                    }
                    int end = matchParen(sql, j);
                    if (end < 0) {
                        return null;
                    }
                    int k = end;
                    while (k < n && Character.isWhitespace(sql.charAt(k))) {
                        k++;
                    }
                    if (k < n && sql.charAt(k) == ',') {
                        return null; // already several rows
                    }
                    return new int[] {j, end};
                }
                i++;
            }
            return null;
        }

        private static int matchParen(String sql, int open) {
            int depth = 0;
            int i = open;
            while (i < sql.length()) {
                char c = sql.charAt(i);
                if (c == '\'' || c == '"' || c == '`') {
                    i = skipQuoted(sql, i, c);
                    continue;
                }
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return i + 1;
                }
                i++;
            }
            return -1;
        }

        private static int skipQuoted(String sql, int start, char quote) {
            int i = start + 1;
            int n = sql.length();
            while (i < n) {
                char c = sql.charAt(i);
                if (c == quote) {
                    if (i + 1 < n && sql.charAt(i + 1) == quote) {
                        i += 2;
                        continue;
                    }
                    return i + 1;
                }
                i++;
            }
            return n;
        }

        private static boolean isNameStart(char c) {
            return Character.isLetter(c) || c == '_';
        }

        private static boolean isNamePart(char c) {
            return Character.isLetterOrDigit(c) || c == '_';
        }
    }
}
