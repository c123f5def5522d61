package io.retort.sql.internal;

import io.retort.sql.ClauseVisitor;
import io.retort.sql.ColumnElement;
import io.retort.sql.FromClause;
import io.retort.sql.KeyBuilder;
import io.retort.sql.Select;
import io.retort.sql.TextClause;
import io.retort.types.SqlType;
import io.retort.types.Types;
import java.util.List;
import java.util.function.Consumer;

/**
 * The expression nodes behind {@link ColumnElement}'s operators. Public only so that dialect compilers (in
 * other modules) can visit them; build expressions through {@link io.retort.sql.Sql} and
 * {@link ColumnElement}, not with these constructors.
 */
public final class Nodes {
    private Nodes() {}

    /** The escape character {@code contains/startsWith/endsWith} use (as SQLAlchemy's autoescape). */
    public static final char LIKE_ESCAPE = '/';

    /** Escapes LIKE wildcards and the escape character in {@code value}. */
    public static String escapeLike(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 4);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                sb.append(LIKE_ESCAPE);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** A Java value as an expression: itself if already one, a scalar subquery for a Select, else a bind. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static ColumnElement<?> coerce(Object value, ColumnElement<?> typeSource) {
        if (value instanceof ColumnElement<?> c) {
            return c;
        }
        if (value instanceof Select s) {
            return s.scalarSubquery();
        }
        if (value == null) {
            return new Keyword<>("NULL", null);
        }
        SqlType<?> t = typeSource == null ? null : typeSource.type();
        if (t != null && !t.javaType().isInstance(value) && !(value instanceof Enum<?>)) {
            t = null;
        }
        return new Bind(value, t);
    }

    static void collect(ColumnElement<?> e, Consumer<FromClause> sink) {
        if (e != null) {
            e.collectFroms(sink);
        }
    }

    /** {@code left op right}: comparisons, arithmetic, concatenation. */
    public static final class Binary<T> extends ColumnElement<T> {
        public final ColumnElement<?> left;
        public final String operator;
        public final ColumnElement<?> right;
        private final SqlType<T> type;
        private final int precedence;

        public Binary(ColumnElement<?> left, String operator, ColumnElement<?> right, SqlType<T> type, int prec) {
            this.left = left;
            this.operator = operator;
            this.right = right;
            this.type = type;
            this.precedence = prec;
        }

        @Override
        public SqlType<T> type() {
            return type;
        }

        @Override
        public int precedence() {
            return precedence;
        }

        @Override
        public void accept(ClauseVisitor v) {
            v.visitBinary(this);
        }

        @Override
        public void appendKey(KeyBuilder k) {
            k.add("bin").add(operator).add(left).add(right);
        }

        @Override
        public void collectFroms(Consumer<FromClause> sink) {
            collect(left, sink);
            collect(right, sink);
        }
    }

    /** A prefix operator: {@code NOT x}, {@code -x}. */
    public static final class Unary<T> extends ColumnElement<T> {
        public final String operator;
        public final ColumnElement<?> operand;
        private final SqlType<T> type;
        private final int precedence;

        public Unary(String operator, ColumnElement<?> operand, SqlType<T> type, int precedence) {
            this.operator = operator;
            this.operand = operand;
            this.type = type;
            this.precedence = precedence;
        }

        @Override
        public SqlType<T> type() {
            return type;
        }

        @Override
        public int precedence() {
            return precedence;
        }

        @Override
        public void accept(ClauseVisitor v) {
            v.visitUnary(this);
        }

        @Override
        public void appendKey(KeyBuilder k) {
            k.add("un").add(operator).add(operand);
        }

        @Override
        public void collectFroms(Consumer<FromClause> sink) {
            collect(operand, sink);
        }
    }

    /** {@code a AND b AND c} or {@code a OR b}; an empty AND is true, an empty OR false. */
    public static final class BooleanList extends ColumnElement<Boolean> {
        public final String operator;
        public final List<ColumnElement<Boolean>> items;

        public BooleanList(String operator, List<ColumnElement<Boolean>> items) {
            this.operator = operator;
            this.items = List.copyOf(items);
        }

        @Override
        public SqlType<Boolean> type() {
            return Types.BOOLEAN;
        }

        @Override
        public int precedence() {
            return items.size() == 1 ? items.get(0).precedence() : operator.equals("AND") ? PREC_AND : PREC_OR;
        }

        @Override
        public void accept(ClauseVisitor v) {
            v.visitBooleanList(this);
        }

        @Override
        public void appendKey(KeyBuilder k) {
            k.add("bool").add(operator).addAll(items);
        }

        @Override
        public void collectFroms(Consumer<FromClause> sink) {
            items.forEach(i -> collect(i, sink));
        }
    }

    /** {@code x IS [NOT] NULL}. */
    public static final class IsNull extends ColumnElement<Boolean> {
        public final ColumnElement<?> operand;
        public final boolean negated;

        public IsNull(ColumnElement<?> operand, boolean negated) {
            this.operand = operand;
            this.negated = negated;
        }

        @Override
        public SqlType<Boolean> type() {
            return Types.BOOLEAN;
        }

        @Override
        public int precedence() {
            return PREC_COMPARE;
        }

        @Override
        public void accept(ClauseVisitor v) {
            v.visitIsNull(this);
        }

        @Override
        public void appendKey(KeyBuilder k) {
            k.add("isnull").add(negated).add(operand);
        }

        @Override
        public void collectFroms(Consumer<FromClause> sink) {
            collect(operand, sink);
        }
    }

    /**
     * {@code x [NOT] IN (v1, v2, ...)}. Besides each value, it registers the whole list as one array value
     * (registered first, owned by this node) so a dialect may bind it as {@code = ANY(?)} instead.
     */
    public static final class InList extends ColumnElement<Boolean> {
        public final ColumnElement<?> operand;
        public final List<ColumnElement<?>> values;
        public final boolean negated;

        public InList(ColumnElement<?> operand, List<ColumnElement<?>> values, boolean negated) {
            this.operand = operand;
            this.values = List.copyOf(values);
            this.negated = negated;
        }

        /**
         * The Java element class when every value is a plain bound value of one class (so the list can be bound
         * as an array), else {@code null}.
         */
        public Class<?> homogeneousBindClass() {
            Class<?> cls = null;
            for (ColumnElement<?> v : values) {
                if (!(v instanceof Bind<?> b) || b.value == null) {
                    return null;
                }
                if (cls == null) {
                    cls = b.value.getClass();
                } else if (cls != b.value.getClass()) {
                    return null;
                }
            }
            return cls;
        }

        @Override
        public SqlType<Boolean> type() {
            return Types.BOOLEAN;
        }

        @Override
        public int precedence() {
            return PREC_COMPARE;
        }

        @Override
        public void accept(ClauseVisitor v) {
            v.visitInList(this);
        }

        @Override
        public void appendKey(KeyBuilder k) {
            k.add("in").add(negated).add(operand);
            Class<?> cls = homogeneousBindClass();
            if (cls != null) {
                Object array = java.lang.reflect.Array.newInstance(cls, values.size());
                for (int i = 0; i < values.size(); i++) {
                    java.lang.reflect.Array.set(array, i, ((Bind<?>) values.get(i)).value);
                }
                k.value(this, array, cls);
            } else {
                k.add("mixed");
            }
            k.addAll(values);
        }

        @Override
        public void collectFroms(Consumer<FromClause> sink) {
            collect(operand, sink);
        }
    }

    /** {@code x [NOT] IN (SELECT ...)}. */
    public static final class InSelect extends ColumnElement<Boolean> {
        public final ColumnElement<?> operand;
        public final Select select;
        public final boolean negated;

        public InSelect(ColumnElement<?> operand, Select select, boolean negated) {
            this.operand = operand;
            this.select = select;
            this.negated = negated;
        }

        @Override
        public SqlType<Boolean> type() {
            return Types.BOOLEAN;
        }

        @Override
        public int precedence() {
            return PREC_COMPARE;
        }

        @Override
        public void accept(ClauseVisitor v) {
            v.visitInSelect(this);
        }

        @Override
        public void appendKey(KeyBuilder k) {
            k.add("insel").add(negated).add(operand).add(select);
        }

        @Override
        public void collectFroms(Consumer<FromClause> sink) {
            collect(operand, sink);
        }
    }

    /** {@code x [NOT] BETWEEN a AND b}. */
    public static final class Between extends ColumnElement<Boolean> {
        public final ColumnElement<?> operand;
        public final ColumnElement<?> low;
        public final ColumnElement<?> high;
        public final boolean negated;

        public Between(ColumnElement<?> operand, ColumnElement<?> low, ColumnElement<?> high, boolean negated) {
            this.operand = operand;
            this.low = low;
            this.high = high;
            this.negated = negated;
        }

        @Override
        public SqlType<Boolean> type() {
            return Types.BOOLEAN;
        }

        @Override
        public int precedence() {
            return PREC_COMPARE;
        }

        @Override
        public void accept(ClauseVisitor v) {
            v.visitBetween(this);
        }

        @Override
        public void appendKey(KeyBuilder k) {
            k.add("between").add(negated).add(operand).add(low).add(high);
        }

        @Override
        public void collectFroms(Consumer<FromClause> sink) {
            collect(operand, sink);
            collect(low, sink);
            collect(high, sink);
        }
    }

    /** {@code x [NOT] LIKE p [ESCAPE 'c']}, optionally case-insensitive. */
    public static final class Like extends ColumnElement<Boolean> {
        public final ColumnElement<?> operand;
        public final ColumnElement<?> pattern;
        public final Character escape;
        public final boolean caseInsensitive;
        public final boolean negated;

        public Like(
                ColumnElement<?> operand,
                ColumnElement<?> pattern,
                Character escape,
                boolean caseInsensitive,
                boolean negated) {
            if (escape != null && (escape == '\'' || escape == '\\')) {
                throw new IllegalArgumentException("LIKE escape character may not be a quote or a backslash");
            }
            this.operand = operand;
            this.pattern = pattern;
            this.escape = escape;
            this.caseInsensitive = caseInsensitive;
            this.negated = negated;
        }

        @Override
        public SqlType<Boolean> type() {
            return Types.BOOLEAN;
        }

        @Override
        public int precedence() {
            return PREC_COMPARE;
        }

        @Override
        public void accept(ClauseVisitor v) {
            v.visitLike(this);
        }

        @Override
        public void appendKey(KeyBuilder k) {
            k.add("like")
                    .add(String.valueOf(escape))
                    .add(caseInsensitive)
                    .add(negated)
                    .add(operand)
                    .add(pattern);
        }

        @Override
        public void collectFroms(Consumer<FromClause> sink) {
            collect(operand, sink);
            collect(pattern, sink);
        }
    }

    /** A value bound as a positional parameter. */
    public static final class Bind<T> extends ColumnElement<T> {
        public final Object value;
        private final SqlType<T> type;

        public Bind(Object value, SqlType<T> type) {
            this.value = value;
            this.type = type;
        }

        /** The Java class to bind a null as. */
        public Class<?> javaType() {
            return type != null ? type.javaType() : value != null ? value.getClass() : Object.class;
        }

        @Override
        public SqlType<T> type() {
            return type;
        }

        @Override
        public void accept(ClauseVisitor v) {
            v.visitBind(this);
        }

        @Override
        public void appendKey(KeyBuilder k) {
            k.value(this, value, javaType());
        }
    }

    /** A parameter given by name at execution: {@code bindparam("id")}. */
    public static final class NamedBind<T> extends ColumnElement<T> {
        public final String name;
        public final Class<?> javaType;
        private final SqlType<T> type;

        public NamedBind(String name, Class<?> javaType, SqlType<T> type) {
            this.name = name;
            this.javaType = javaType == null ? (type != null ? type.javaType() : Object.class) : javaType;
            this.type = type;
        }

        @Override
        public SqlType<T> type() {
            return type;
        }

        @Override
        public void accept(ClauseVisitor v) {
            v.visitNamedBind(this);
        }

        @Override
        public void appendKey(KeyBuilder k) {
            k.add("named").add(name).add(javaType);
        }
    }

    /** A fixed SQL word: {@code TRUE}, {@code FALSE}, {@code NULL}, {@code *}. */
    public static final class Keyword<T> extends ColumnElement<T> {
        public final String word;
        private final SqlType<T> type;

        public Keyword(String word, SqlType<T> type) {
            this.word = word;
            this.type = type;
        }

        @Override
        public SqlType<T> type() {
            return type;
        }

        @Override
        public void accept(ClauseVisitor v) {
            v.visitKeyword(this);
        }

        @Override
        public void appendKey(KeyBuilder k) {
            k.add("kw").add(word);
        }
    }

    /** {@code function OVER (PARTITION BY ... ORDER BY ...)}. */
    public static final class Over<T> extends ColumnElement<T> {
        public final ColumnElement<T> function;
        public final io.retort.sql.Window window;

        public Over(ColumnElement<T> function, io.retort.sql.Window window) {
            this.function = function;
            this.window = window;
        }

        @Override
        public SqlType<T> type() {
            return function.type();
        }

        @Override
        public void accept(ClauseVisitor v) {
            v.visitOver(this);
        }

        @Override
        public void appendKey(KeyBuilder k) {
            k.add("over").add(function).addAll(window.partitionBy()).addAll(window.orderBy());
        }

        @Override
        public void collectFroms(Consumer<FromClause> sink) {
            collect(function, sink);
            window.partitionBy().forEach(p -> collect(p, sink));
            window.orderBy().forEach(o -> collect(o.expression(), sink));
        }

        @Override
        public String resultName() {
            return function.resultName();
        }
    }

    /** {@code CAST(x AS type)}. */
    public static final class Cast<T> extends ColumnElement<T> {
        public final ColumnElement<?> operand;
        private final SqlType<T> type;

        public Cast(ColumnElement<?> operand, SqlType<T> type) {
            this.operand = operand;
            this.type = type;
        }

        @Override
        public SqlType<T> type() {
            return type;
        }

        @Override
        public void accept(ClauseVisitor v) {
            v.visitCast(this);
        }

        @Override
        public void appendKey(KeyBuilder k) {
            k.add("cast").add(type).add(operand);
        }

        @Override
        public void collectFroms(Consumer<FromClause> sink) {
            collect(operand, sink);
        }
    }

    /** {@code x AS name}. */
    public static final class Label<T> extends ColumnElement<T> {
        public final ColumnElement<T> operand;
        public final String name;

        public Label(ColumnElement<T> operand, String name) {
            this.operand = operand;
            this.name = java.util.Objects.requireNonNull(name, "name");
        }

        @Override
        public SqlType<T> type() {
            return operand.type();
        }

        @Override
        public String resultName() {
            return name;
        }

        @Override
        public void accept(ClauseVisitor v) {
            v.visitLabel(this);
        }

        @Override
        public void appendKey(KeyBuilder k) {
            k.add("label").add(name).add(operand);
        }

        @Override
        public void collectFroms(Consumer<FromClause> sink) {
            collect(operand, sink);
        }
    }

    /** {@code (SELECT ...)} used as a value. */
    public static final class ScalarSubquery<T> extends ColumnElement<T> {
        public final Select select;
        private final SqlType<T> type;

        public ScalarSubquery(Select select, SqlType<T> type) {
            this.select = select;
            this.type = type;
        }

        @Override
        public SqlType<T> type() {
            return type;
        }

        @Override
        public void accept(ClauseVisitor v) {
            v.visitScalarSubquery(this);
        }

        @Override
        public void appendKey(KeyBuilder k) {
            k.add("scalar").add(select);
        }
    }

    /** {@code [NOT] EXISTS (SELECT ...)}. */
    public static final class Exists extends ColumnElement<Boolean> {
        public final Select select;
        public final boolean negated;

        public Exists(Select select, boolean negated) {
            this.select = select;
            this.negated = negated;
        }

        @Override
        public SqlType<Boolean> type() {
            return Types.BOOLEAN;
        }

        @Override
        public int precedence() {
            return negated ? PREC_NOT : PREC_ATOM;
        }

        @Override
        public void accept(ClauseVisitor v) {
            v.visitExists(this);
        }

        @Override
        public void appendKey(KeyBuilder k) {
            k.add("exists").add(negated).add(select);
        }
    }

    /** A row value {@code (a, b)}, for tuple comparisons and tuple IN. */
    public static final class Tuple extends ColumnElement<Object> {
        public final List<ColumnElement<?>> items;

        public Tuple(List<ColumnElement<?>> items) {
            this.items = List.copyOf(items);
        }

        @Override
        public SqlType<Object> type() {
            return null;
        }

        @Override
        public void accept(ClauseVisitor v) {
            v.visitTuple(this);
        }

        @Override
        public void appendKey(KeyBuilder k) {
            k.add("tuple").addAll(items);
        }

        @Override
        public void collectFroms(Consumer<FromClause> sink) {
            items.forEach(i -> collect(i, sink));
        }
    }

    /** Literal SQL inside an expression: {@code text()} or {@code literalColumn()}; its {@code :names} are bound. */
    public static final class TextFragment<T> extends ColumnElement<T> {
        public final TextClause text;
        private final SqlType<T> type;

        public TextFragment(TextClause text, SqlType<T> type) {
            this.text = text;
            this.type = type;
        }

        @Override
        public SqlType<T> type() {
            return type;
        }

        @Override
        public int precedence() {
            return PREC_OR - 1;
        }

        @Override
        public void accept(ClauseVisitor v) {
            v.visitTextFragment(this);
        }

        @Override
        public void appendKey(KeyBuilder k) {
            k.add("text").add(text.cacheKey());
        }
    }

    /**
     * The value an upsert proposed for a column: PostgreSQL {@code EXCLUDED.col}, MariaDB {@code VALUES(col)},
     * H2's MERGE source {@code excluded.col}.
     */
    public static final class Excluded<T> extends ColumnElement<T> {
        public final io.retort.schema.Column<T> column;

        public Excluded(io.retort.schema.Column<T> column) {
            this.column = column;
        }

        @Override
        public SqlType<T> type() {
            return column.type();
        }

        @Override
        public void accept(ClauseVisitor v) {
            v.visitExcluded(this);
        }

        @Override
        public void appendKey(KeyBuilder k) {
            k.add("excluded").add(column);
        }
    }

    /** A column of an alias, subquery or CTE, by name. */
    public static final class FromColumn<T> extends ColumnElement<T> {
        public final FromClause parent;
        public final String name;
        private final SqlType<T> type;

        public FromColumn(FromClause parent, String name, SqlType<T> type) {
            this.parent = parent;
            this.name = name;
            this.type = type;
        }

        @Override
        public SqlType<T> type() {
            return type;
        }

        @Override
        public String resultName() {
            return name;
        }

        @Override
        public void accept(ClauseVisitor v) {
            v.visitFromColumn(this);
        }

        @Override
        public void appendKey(KeyBuilder k) {
            // the parent's whole shape (a subquery's body the first time it is met), since a FROM derived from
            // this column renders it
            k.add("fcol").add(name).add(parent);
        }

        @Override
        public void collectFroms(Consumer<FromClause> sink) {
            sink.accept(parent);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FromColumn<?> f && f.name.equals(name) && f.parent.equals(parent);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + parent.hashCode();
        }
    }
}
