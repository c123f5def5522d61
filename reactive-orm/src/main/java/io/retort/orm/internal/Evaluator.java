package io.retort.orm.internal;

import io.retort.schema.Column;
import io.retort.sql.ColumnElement;
import io.retort.sql.internal.Nodes;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Evaluates Core criteria and SET expressions in Java against a loaded object (SQLAlchemy's evaluator, behind
 * {@code synchronize_session="evaluate"}): columns of the entity's table, bound values, comparisons, AND/OR/NOT,
 * IS NULL, IN (values), BETWEEN, LIKE, arithmetic and concatenation, with SQL's three-valued logic (a comparison
 * with NULL is unknown, which does not match). Anything else throws {@link Unevaluable}.
 */
public final class Evaluator {
    /** An expression the evaluator cannot compute in Java. */
    public static final class Unevaluable extends RuntimeException {
        Unevaluable(String what) {
            super(what, null, false, false);
        }
    }

    private final EntityModel<?> model;
    private final Map<Column<?>, AttributeModel> byColumn = new HashMap<>();

    public Evaluator(EntityModel<?> model) {
        this.model = model;
        for (AttributeModel a : model.attributes()) {
            byColumn.put(a.column(), a);
        }
    }

    /** Checks that every criterion can be evaluated (before any SQL runs). */
    public void check(List<ColumnElement<Boolean>> criteria) {
        for (ColumnElement<Boolean> c : criteria) {
            walk(c);
        }
    }

    /** {@code true} when every criterion is TRUE for {@code entity}. */
    public boolean matches(Object entity, List<ColumnElement<Boolean>> criteria) {
        for (ColumnElement<Boolean> c : criteria) {
            if (!Boolean.TRUE.equals(eval(c, entity))) {
                return false;
            }
        }
        return true;
    }

    /** The value of {@code e} for {@code entity}, as a column value. */
    public Object eval(ColumnElement<?> e, Object entity) {
        if (e instanceof io.retort.orm.metamodel.Attribute<?, ?> at) {
            return eval(at.column(), entity);
        }
        if (e instanceof Column<?> c) {
            AttributeModel a = byColumn.get(c);
            if (a == null) {
                throw new Unevaluable(
                        "column " + c + " is not a column of " + model.type().getSimpleName());
            }
            return a.toColumnValue(a.get(entity));
        }
        if (e instanceof Nodes.Bind<?> b) {
            return b.value instanceof Enum<?> en ? en.name() : b.value;
        }
        if (e instanceof Nodes.Keyword<?> k) {
            if (k.word.equals("NULL")) {
                return null;
            }
            throw new Unevaluable("keyword " + k.word);
        }
        if (e instanceof Nodes.Label<?> l) {
            return eval(l.operand, entity);
        }
        if (e instanceof Nodes.BooleanList l) {
            boolean and = l.operator.equals("AND");
            Boolean result = and;
            for (ColumnElement<Boolean> item : l.items) {
                Boolean v = (Boolean) eval(item, entity);
                if (and) {
                    if (Boolean.FALSE.equals(v)) {
                        return false;
                    }
                    if (v == null) {
                        result = null;
                    }
                } else {
                    if (Boolean.TRUE.equals(v)) {
                        return true;
                    }
                    if (v == null) {
                        result = null;
                    }
                }
            }
            return result;
        }
        if (e instanceof Nodes.Unary<?> u) {
            Object v = eval(u.operand, entity);
            if (v == null) {
                return null;
            }
            if (u.operator.trim().equals("NOT")) {
                return !(Boolean) v;
            }
            if (u.operator.equals("-")) {
                return decimal(v).negate();
            }
            throw new Unevaluable("operator " + u.operator);
        }
        if (e instanceof Nodes.IsNull n) {
            Object v = eval(n.operand, entity);
            return n.negated ? v != null : v == null;
        }
        if (e instanceof Nodes.InList in) {
            Object v = eval(in.operand, entity);
            if (v == null) {
                return null;
            }
            boolean sawNull = false;
            for (ColumnElement<?> item : in.values) {
                Object x = eval(item, entity);
                if (x == null) {
                    sawNull = true;
                } else if (compare(v, x) == 0) {
                    return !in.negated;
                }
            }
            return sawNull ? null : in.negated;
        }
        if (e instanceof Nodes.Between b) {
            Object v = eval(b.operand, entity);
            Object lo = eval(b.low, entity);
            Object hi = eval(b.high, entity);
            if (v == null || lo == null || hi == null) {
                return null;
            }
            boolean in = compare(v, lo) >= 0 && compare(v, hi) <= 0;
            return b.negated != in;
        }
        if (e instanceof Nodes.Like l) {
            Object v = eval(l.operand, entity);
            Object p = eval(l.pattern, entity);
            if (v == null || p == null) {
                return null;
            }
            boolean m = likePattern(p.toString(), l.escape, l.caseInsensitive)
                    .matcher(v.toString())
                    .matches();
            return l.negated != m;
        }
        if (e instanceof Nodes.Binary<?> b) {
            Object x = eval(b.left, entity);
            Object y = eval(b.right, entity);
            if (x == null || y == null) {
                return null;
            }
            switch (b.operator) {
                case "=":
                    return compare(x, y) == 0;
                case "<>":
                case "!=":
                    return compare(x, y) != 0;
                case "<":
                    return compare(x, y) < 0;
                case "<=":
                    return compare(x, y) <= 0;
                case ">":
                    return compare(x, y) > 0;
                case ">=":
                    return compare(x, y) >= 0;
                case "+":
                    return decimal(x).add(decimal(y));
                case "-":
                    return decimal(x).subtract(decimal(y));
                case "*":
                    return decimal(x).multiply(decimal(y));
                case "/":
                    if (isIntegral(x) && isIntegral(y)) {
                        return decimal(x).divideToIntegralValue(decimal(y));
                    }
                    return decimal(x).divide(decimal(y), MathContext.DECIMAL64);
                case "%":
                    return decimal(x).remainder(decimal(y));
                case "||":
                    return x.toString() + y;
                default:
                    throw new Unevaluable("operator " + b.operator);
            }
        }
        throw new Unevaluable(e.getClass().getSimpleName() + " " + e);
    }

    private void walk(ColumnElement<?> e) {
        // evaluation against an object whose attributes are all null exercises every node but short-circuits;
        // so walk the tree structurally instead
        if (e instanceof io.retort.orm.metamodel.Attribute<?, ?> at) {
            walk(at.column());
        } else if (e instanceof Column<?> c) {
            if (!byColumn.containsKey(c)) {
                throw new Unevaluable(
                        "column " + c + " is not a column of " + model.type().getSimpleName());
            }
        } else if (e instanceof Nodes.Bind<?>) {
            return;
        } else if (e instanceof Nodes.Keyword<?> k) {
            if (!k.word.equals("NULL")) {
                throw new Unevaluable("keyword " + k.word);
            }
        } else if (e instanceof Nodes.Label<?> l) {
            walk(l.operand);
        } else if (e instanceof Nodes.BooleanList l) {
            l.items.forEach(this::walk);
        } else if (e instanceof Nodes.Unary<?> u) {
            if (!u.operator.trim().equals("NOT") && !u.operator.equals("-")) {
                throw new Unevaluable("operator " + u.operator);
            }
            walk(u.operand);
        } else if (e instanceof Nodes.IsNull n) {
            walk(n.operand);
        } else if (e instanceof Nodes.InList in) {
            walk(in.operand);
            in.values.forEach(this::walk);
        } else if (e instanceof Nodes.Between b) {
            walk(b.operand);
            walk(b.low);
            walk(b.high);
        } else if (e instanceof Nodes.Like l) {
            walk(l.operand);
            walk(l.pattern);
        } else if (e instanceof Nodes.Binary<?> b) {
            if (!List.of("=", "<>", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "||")
                    .contains(b.operator)) {
                throw new Unevaluable("operator " + b.operator);
            }
            walk(b.left);
            walk(b.right);
        } else {
            throw new Unevaluable(e.getClass().getSimpleName() + " " + e);
        }
    }

    private static boolean isIntegral(Object o) {
        return o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte;
    }

    private static BigDecimal decimal(Object o) {
        if (o instanceof BigDecimal d) {
            return d;
        }
        if (o instanceof Number n) {
            return isIntegral(n) ? BigDecimal.valueOf(n.longValue()) : new BigDecimal(n.toString());
        }
        throw new Unevaluable("arithmetic on " + o.getClass().getSimpleName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object x, Object y) {
        if (x instanceof Number && y instanceof Number) {
            return decimal(x).compareTo(decimal(y));
        }
        if (x instanceof Comparable c && x.getClass().isInstance(y)) {
            return c.compareTo(y);
        }
        if (x instanceof Comparable c && y.getClass().isInstance(x)) {
            return -((Comparable) y).compareTo(x);
        }
        if (x.equals(y)) {
            return 0;
        }
        throw new Unevaluable("comparing " + x.getClass().getSimpleName() + " with "
                + y.getClass().getSimpleName());
    }

    private static Pattern likePattern(String like, Character escape, boolean caseInsensitive) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (escape != null && c == escape && i + 1 < like.length()) {
                re.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), (caseInsensitive ? Pattern.CASE_INSENSITIVE : 0) | Pattern.DOTALL);
    }
}
