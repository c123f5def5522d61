package io.retort.dialect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A statement compiled for one dialect: the SQL text with the dialect's placeholders and the ordered
 * {@link BindSlot}s that say which value goes into each. Immutable and shared: the engine caches it by the
 * statement's shape, so it never holds bound values.
 *
 * <p>An INSERT with one {@code VALUES (...)} group can be rendered for many rows at once
 * ({@link #multiValuesSql(int)}): the group is repeated and the placeholders renumbered. This is how
 * {@code executeUpdate(insert, List<Map>)} writes thousands of rows in a few statements.
 *
 * <pre>{@code
 * CompiledStatement c = engine.dialect().compile(text("INSERT INTO t (a, b) VALUES (:a, :b)"));
 * c.sql();                 // INSERT INTO t (a, b) VALUES ($1, $2)
 * c.multiValuesSql(2);     // INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)
 * }</pre>
 */
public final class CompiledStatement {
    private final List<Object> tokens; // String literal pieces and BindSlots
    private final List<BindSlot> slots;
    private final int groupStart; // token index of the first token of the repeatable VALUES group, or -1
    private final int groupEnd; // token index after the group
    private final int groupFirstSlot;
    private final int groupSlotCount;
    private final PlaceholderStyle style;
    private final String sql;
    private final Map<Integer, String> multiValues = new ConcurrentHashMap<>();
    private final List<Object> resultKeys;
    private final Map<String, io.retort.types.SqlType<?>> resultTypes;
    private final int distinctNames;
    /** The shape of the last result read (see {@link #rowShape}); rebuilt when the columns differ. */
    private volatile Object rowShape;

    /**
     * @param tokens SQL pieces ({@link String}) and {@link BindSlot}s in text order
     * @param groupStart token index where a repeatable {@code (...)} VALUES group starts, or -1 for none
     * @param groupEnd token index just after that group
     * @param style how placeholders are written
     */
    public CompiledStatement(List<Object> tokens, int groupStart, int groupEnd, PlaceholderStyle style) {
        this(tokens, groupStart, groupEnd, style, null);
    }

    /**
     * @param resultKeys the shape keys of the result columns in order (see {@link #resultKeys()}), or null
     */
    public CompiledStatement(
            List<Object> tokens, int groupStart, int groupEnd, PlaceholderStyle style, List<Object> resultKeys) {
        this(tokens, groupStart, groupEnd, style, resultKeys, Map.of());
    }

    private CompiledStatement(
            List<Object> tokens,
            int groupStart,
            int groupEnd,
            PlaceholderStyle style,
            List<Object> resultKeys,
            Map<String, io.retort.types.SqlType<?>> resultTypes) {
        this.resultKeys = resultKeys == null ? null : Collections.unmodifiableList(new ArrayList<>(resultKeys));
        this.resultTypes = Map.copyOf(resultTypes);
        this.tokens = List.copyOf(tokens);
        this.style = style;
        this.groupStart = groupStart;
        this.groupEnd = groupEnd;
        List<BindSlot> s = new ArrayList<>();
        int first = -1;
        int inGroup = 0;
        for (int i = 0; i < this.tokens.size(); i++) {
            Object t = this.tokens.get(i);
            if (t instanceof BindSlot b) {
                if (groupStart >= 0 && i >= groupStart && i < groupEnd) {
                    if (first < 0) {
                        first = s.size();
                    }
                    inGroup++;
                }
                s.add(b);
            }
        }
        this.slots = Collections.unmodifiableList(s);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (BindSlot b : s) {
            if (b.isNamed()) {
                names.add(b.name());
            }
        }
        this.distinctNames = names.size();
        this.groupFirstSlot = first;
        this.groupSlotCount = inGroup;
        this.sql = render(1);
    }

    /** The SQL text for a single execution. */
    public String sql() {
        return sql;
    }

    /**
     * For statements of the expression language, the shape key ({@code KeyBuilder.of(column).key()}) of each
     * result column in order, so that {@code row.get(users.c("id"))} finds its column even when two have the
     * same name; {@code null} for text statements.
     */
    public List<Object> resultKeys() {
        return resultKeys;
    }

    /**
     * The SQL types of result columns by label (empty when untyped): rows read those columns through the
     * dialect's {@link TypeMap}, as SQLAlchemy's {@code text(...).columns(...)}.
     */
    public Map<String, io.retort.types.SqlType<?>> resultTypes() {
        return resultTypes;
    }

    /** A copy of this statement whose result columns are read as {@code types} (by column label). */
    public CompiledStatement withResultTypes(Map<String, io.retort.types.SqlType<?>> types) {
        return new CompiledStatement(tokens, groupStart, groupEnd, style, resultKeys, types);
    }

    /** How many different parameter names the slots use (a name may appear in several slots). */
    public int distinctParameterNames() {
        return distinctNames;
    }

    /**
     * A per-statement cache slot for the engine's reading of its results (the last result shape seen), so that
     * executions of one statement do not rebuild it per result; {@code null} until set.
     */
    public Object rowShape() {
        return rowShape;
    }

    /** Sets the {@link #rowShape()} cache slot. */
    public void rowShape(Object shape) {
        this.rowShape = shape;
    }

    /** The bind slots, in placeholder order. */
    public List<BindSlot> slots() {
        return slots;
    }

    /** {@code true} when this is an INSERT whose VALUES group can be repeated for many rows. */
    public boolean hasValuesGroup() {
        return groupStart >= 0;
    }

    /** Number of slots in the repeatable VALUES group (the parameters of one row). */
    public int valuesGroupSlotCount() {
        return groupSlotCount;
    }

    /** Index of the first slot of the VALUES group within {@link #slots()}. */
    public int valuesGroupFirstSlot() {
        return groupFirstSlot;
    }

    /**
     * The SQL with the VALUES group repeated {@code rows} times and placeholders renumbered. The slots of a
     * rendered statement are: those before the group, then the group's slots once per row, then those after.
     *
     * @throws IllegalStateException if the statement has no VALUES group
     */
    public String multiValuesSql(int rows) {
        if (!hasValuesGroup()) {
            throw new IllegalStateException("statement has no VALUES group: " + sql);
        }
        if (rows == 1) {
            return sql;
        }
        return multiValues.computeIfAbsent(rows, this::render);
    }

    private String render(int rows) {
        StringBuilder sb = new StringBuilder(64);
        int[] index = {0};
        if (groupStart < 0) {
            appendTokens(sb, 0, tokens.size(), index);
            return sb.toString();
        }
        appendTokens(sb, 0, groupStart, index);
        for (int r = 0; r < rows; r++) {
            if (r > 0) {
                sb.append(", ");
            }
            appendTokens(sb, groupStart, groupEnd, index);
        }
        appendTokens(sb, groupEnd, tokens.size(), index);
        return sb.toString();
    }

    private void appendTokens(StringBuilder sb, int from, int to, int[] index) {
        for (int i = from; i < to; i++) {
            Object t = tokens.get(i);
            if (t instanceof BindSlot) {
                sb.append(style.render(index[0]++));
            } else {
                sb.append((String) t);
            }
        }
    }

    @Override
    public String toString() {
        return sql;
    }
}
