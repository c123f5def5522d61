package io.retort.dialect;

import io.retort.core.InvalidRequestException;
import io.retort.schema.Column;
import io.retort.schema.Table;
import io.retort.sql.Alias;
import io.retort.sql.Case;
import io.retort.sql.ClauseElement;
import io.retort.sql.ClauseVisitor;
import io.retort.sql.ColumnElement;
import io.retort.sql.CompoundSelect;
import io.retort.sql.Delete;
import io.retort.sql.Executable;
import io.retort.sql.FromClause;
import io.retort.sql.FunctionElement;
import io.retort.sql.Insert;
import io.retort.sql.Join;
import io.retort.sql.KeyBuilder;
import io.retort.sql.OrderByElement;
import io.retort.sql.Select;
import io.retort.sql.SelectBase;
import io.retort.sql.StatementBase;
import io.retort.sql.Subquery;
import io.retort.sql.TextClause;
import io.retort.sql.Update;
import io.retort.sql.internal.Nodes;
import io.retort.types.SqlType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The generic (ANSI) statement compiler: a {@link ClauseVisitor} that turns one {@link Executable} into a
 * {@link CompiledStatement} of SQL pieces and {@link BindSlot}s. Each {@link Dialect} returns its own subclass
 * from {@link Dialect#newCompiler()} and overrides only what its database spells differently, like
 * SQLAlchemy's {@code PGCompiler} over {@code SQLCompiler}. Instances are single-use and not thread-safe.
 *
 * <p>Values never enter the SQL text: a bound value becomes a positional {@link BindSlot} that refers to the
 * value's canonical position in the statement ({@link KeyBuilder}), so the compiled form is shared by every
 * statement of the same shape.
 *
 * <pre>{@code
 * CompiledStatement c = dialect.newCompiler().compile(select(users.c("id")).where(users.c("name").eq("x")));
 * c.sql();   // SELECT users.id FROM users WHERE users.name = $1
 * }</pre>
 */
public class SqlCompiler implements ClauseVisitor {
    protected final Dialect dialect;
    private final List<Object> tokens = new ArrayList<>();
    private final StringBuilder current = new StringBuilder(64);
    private int groupStart = -1;
    private int groupEnd = -1;

    private KeyBuilder.Shape shape;
    private List<Object> resultKeys;
    private int selectDepth;
    /** Whether column references are written with their table ({@code users.id}) or bare ({@code id}). */
    private boolean qualify = true;
    /** Set while writing the column list of a SELECT (labels render {@code AS name} there). */
    private boolean inColumnsClause;
    /** Set while writing the ORDER BY of a compound select (columns by result name). */
    private boolean compoundOrder;
    /** FROM leaves of the enclosing queries, for correlation; the top is the nearest. */
    private final Deque<Set<FromClause>> enclosing = new ArrayDeque<>();
    /** Whether the next SELECT is a correlated (WHERE/column) subquery. */
    private boolean correlateNext;

    private final Map<String, List<Object>> ctes = new LinkedHashMap<>();
    private final Set<String> ctesInProgress = new HashSet<>();
    private boolean recursiveCte;

    public SqlCompiler(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Compiles {@code statement}. */
    public CompiledStatement compile(Executable statement) {
        if (statement instanceof TextClause text) {
            visitText(text);
            return finish();
        }
        if (statement instanceof StatementBase s) {
            shape = s.shape();
            s.accept(this);
            prependWith();
            return finish();
        }
        throw new InvalidRequestException("Dialect '" + dialect.name() + "' cannot compile a "
                + statement.getClass().getName() + ": " + statement);
    }

    /** Writes a {@link TextClause}: its pieces, with a bind slot for each {@code :name}. */
    protected void visitText(TextClause text) {
        List<Object> parts = text.parts();
        for (int i = 0; i < parts.size(); i++) {
            if (i == text.valuesGroupStart()) {
                beginValuesGroup();
            }
            Object part = parts.get(i);
            if (part instanceof TextClause.Param p) {
                io.retort.types.SqlType<?> st = text.sqlTypeOf(p.name());
                bind(st != null ? BindSlot.named(p.name(), st) : BindSlot.named(p.name(), text.bindTypeOf(p.name())));
            } else {
                sql((String) part);
            }
            if (i + 1 == text.valuesGroupEnd()) {
                endValuesGroup();
            }
        }
    }

    // ================================================================== expressions

    /** Writes {@code e}, in parentheses when it binds less strongly than {@code precedence}. */
    protected final void child(ColumnElement<?> e, int precedence) {
        if (e.precedence() < precedence) {
            sql("(");
            e.accept(this);
            sql(")");
        } else {
            e.accept(this);
        }
    }

    /** Writes the elements separated by {@code ", "}. */
    protected final void list(List<? extends ClauseElement> items) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sql(", ");
            }
            items.get(i).accept(this);
        }
    }

    @Override
    public void visitColumn(Column<?> column) {
        if (qualify && column.table() != null) {
            identifier(column.table().name()).sql(".");
        }
        identifier(column.name());
    }

    @Override
    public void visitFromColumn(Nodes.FromColumn<?> column) {
        if (qualify) {
            identifier(fromName(column.parent)).sql(".");
        }
        identifier(column.name);
    }

    private static String fromName(FromClause f) {
        if (f instanceof Alias a) {
            return a.name();
        }
        if (f instanceof Subquery s) {
            return s.name();
        }
        if (f instanceof Table t) {
            return t.name();
        }
        throw new InvalidRequestException("A column of " + f + " cannot be referred to by name");
    }

    @Override
    public void visitBinary(Nodes.Binary<?> b) {
        int p = b.precedence();
        boolean associative = b.operator.equals("+") || b.operator.equals("*") || b.operator.equals("||");
        child(b.left, p);
        sql(" ").sql(b.operator).sql(" ");
        child(b.right, associative ? p : p + 1);
    }

    @Override
    public void visitUnary(Nodes.Unary<?> u) {
        sql(u.operator);
        child(u.operand, u.precedence() + (u.operator.equals("-") ? 1 : 0));
    }

    @Override
    public void visitBooleanList(Nodes.BooleanList list) {
        if (list.items.isEmpty()) {
            sql(list.operator.equals("AND") ? "1 = 1" : "1 <> 1");
            return;
        }
        int p = list.precedence();
        for (int i = 0; i < list.items.size(); i++) {
            if (i > 0) {
                sql(" ").sql(list.operator).sql(" ");
            }
            child(list.items.get(i), p);
        }
    }

    @Override
    public void visitIsNull(Nodes.IsNull n) {
        child(n.operand, ColumnElement.PREC_COMPARE + 1);
        sql(n.negated ? " IS NOT NULL" : " IS NULL");
    }

    @Override
    public void visitInList(Nodes.InList in) {
        if (in.values.isEmpty()) {
            sql(in.negated ? "1 = 1" : "1 <> 1");
            return;
        }
        if (inListAsArray(in)) {
            arrayIn(in);
            return;
        }
        child(in.operand, ColumnElement.PREC_COMPARE + 1);
        if (in.values.size() > dialect.maxBindParameters()) {
            throw new InvalidRequestException("An IN list of " + in.values.size() + " values is more than "
                    + dialect.name() + " accepts in one statement (" + dialect.maxBindParameters()
                    + " parameters); split the values, or use a temporary table");
        }
        sql(in.negated ? " NOT IN (" : " IN (");
        list(in.values);
        sql(")");
    }

    /** An IN list as one array parameter: {@code x = ANY($1)}, {@code x <> ALL($1)}. */
    protected void arrayIn(Nodes.InList in) {
        child(in.operand, ColumnElement.PREC_COMPARE + 1);
        sql(in.negated ? " <> ALL(" : " = ANY(");
        arrayParameter(in);
        sql(")");
    }

    /** The placeholder of an IN list's values as one array. */
    protected final void arrayParameter(Nodes.InList in) {
        bind(BindSlot.positional(position(in), arrayClass(in)));
    }

    private static Class<?> arrayClass(Nodes.InList in) {
        return java.lang.reflect.Array.newInstance(in.homogeneousBindClass(), 0).getClass();
    }

    /**
     * Whether an IN list is sent as one array parameter ({@code = ANY($1)}) instead of one parameter per value.
     * The generic compiler never does; dialects with arrays do for long lists of one value class.
     */
    protected boolean inListAsArray(Nodes.InList in) {
        return false;
    }

    @Override
    public void visitInSelect(Nodes.InSelect in) {
        child(in.operand, ColumnElement.PREC_COMPARE + 1);
        sql(in.negated ? " NOT IN (" : " IN (");
        subselect(in.select);
        sql(")");
    }

    @Override
    public void visitBetween(Nodes.Between b) {
        child(b.operand, ColumnElement.PREC_COMPARE + 1);
        sql(b.negated ? " NOT BETWEEN " : " BETWEEN ");
        child(b.low, ColumnElement.PREC_COMPARE + 1);
        sql(" AND ");
        child(b.high, ColumnElement.PREC_COMPARE + 1);
    }

    /**
     * {@code x LIKE p}; a case-insensitive LIKE is {@code ILIKE} where the dialect has it
     * ({@link Feature#ILIKE}), else {@code lower(x) LIKE lower(p)}.
     */
    @Override
    public void visitLike(Nodes.Like like) {
        boolean emulate = like.caseInsensitive && !dialect.supports(Feature.ILIKE);
        if (emulate) {
            sql("lower(");
            like.operand.accept(this);
            sql(")");
        } else {
            child(like.operand, ColumnElement.PREC_COMPARE + 1);
        }
        String op = like.caseInsensitive && !emulate ? "ILIKE" : "LIKE";
        sql(like.negated ? " NOT " + op + " " : " " + op + " ");
        if (emulate) {
            sql("lower(");
            like.pattern.accept(this);
            sql(")");
        } else {
            child(like.pattern, ColumnElement.PREC_COMPARE + 1);
        }
        if (like.escape != null) {
            sql(" ESCAPE '").sql(String.valueOf(like.escape)).sql("'");
        }
    }

    @Override
    public void visitBind(Nodes.Bind<?> b) {
        // a typed value is bound through the dialect's TypeMap (UUID as text on MariaDB, converters, enums, JSON)
        bind(
                b.type() != null
                        ? BindSlot.positional(position(b), b.type())
                        : BindSlot.positional(position(b), b.javaType()));
    }

    /** The canonical position of a value owned by {@code owner}. */
    protected final int position(Object owner) {
        int p = shape == null ? -1 : shape.position(owner);
        if (p < 0) {
            throw new IllegalStateException("bound value not registered in the statement's shape: " + owner);
        }
        return p;
    }

    @Override
    public void visitNamedBind(Nodes.NamedBind<?> b) {
        bind(b.type() != null ? BindSlot.named(b.name, b.type()) : BindSlot.named(b.name, b.javaType));
    }

    @Override
    public void visitKeyword(Nodes.Keyword<?> k) {
        sql(k.word);
    }

    @Override
    public void visitFunction(FunctionElement<?> f) {
        if (f.name().equals("now") && f.arguments().isEmpty()) {
            sql("CURRENT_TIMESTAMP");
            return;
        }
        sql(f.name()).sql("(");
        list(f.arguments());
        sql(")");
    }

    @Override
    public void visitOver(Nodes.Over<?> over) {
        over.function.accept(this);
        sql(" OVER (");
        boolean space = false;
        if (!over.window.partitionBy().isEmpty()) {
            sql("PARTITION BY ");
            list(over.window.partitionBy());
            space = true;
        }
        if (!over.window.orderBy().isEmpty()) {
            if (space) {
                sql(" ");
            }
            sql("ORDER BY ");
            list(over.window.orderBy());
        }
        sql(")");
    }

    @Override
    public void visitCase(Case<?> c) {
        sql("CASE");
        if (c.value() != null) {
            sql(" ");
            c.value().accept(this);
        }
        for (int i = 0; i < c.conditions().size(); i++) {
            sql(" WHEN ");
            c.conditions().get(i).accept(this);
            sql(" THEN ");
            c.results().get(i).accept(this);
        }
        if (c.elseResult() != null) {
            sql(" ELSE ");
            c.elseResult().accept(this);
        }
        sql(" END");
    }

    @Override
    public void visitCast(Nodes.Cast<?> cast) {
        sql("CAST(");
        cast.operand.accept(this);
        sql(" AS ").sql(castTypeName(cast.type())).sql(")");
    }

    /**
     * The type name in {@code CAST(x AS name)}. (A minimal map; the DDL type compiler owns the full one.)
     */
    protected String castTypeName(SqlType<?> type) {
        return switch (type.kind()) {
            case VARCHAR -> type.length() == null ? "VARCHAR" : "VARCHAR(" + type.length() + ")";
            case CHAR -> type.length() == null ? "CHAR" : "CHAR(" + type.length() + ")";
            case NUMERIC ->
                type.precision() == null
                        ? "NUMERIC"
                        : "NUMERIC(" + type.precision() + ", " + (type.scale() == null ? 0 : type.scale()) + ")";
            case DOUBLE -> "DOUBLE PRECISION";
            case TIMESTAMP_WITH_TIME_ZONE -> "TIMESTAMP WITH TIME ZONE";
            default -> type.kind().name();
        };
    }

    @Override
    public void visitLabel(Nodes.Label<?> label) {
        if (inColumnsClause) {
            inColumnsClause = false;
            try {
                label.operand.accept(this);
            } finally {
                inColumnsClause = true;
            }
            sql(" AS ").identifier(label.name);
        } else if (compoundOrder) {
            identifier(label.name);
        } else {
            label.operand.accept(this);
        }
    }

    @Override
    public void visitScalarSubquery(Nodes.ScalarSubquery<?> s) {
        sql("(");
        subselect(s.select);
        sql(")");
    }

    @Override
    public void visitExists(Nodes.Exists e) {
        sql(e.negated ? "NOT EXISTS (" : "EXISTS (");
        subselect(e.select);
        sql(")");
    }

    /** Writes a SELECT nested in an expression, correlated to the enclosing query. */
    protected final void subselect(SelectBase select) {
        boolean saved = inColumnsClause;
        boolean savedQualify = qualify;
        inColumnsClause = false;
        qualify = true;
        correlateNext = true;
        try {
            select.accept(this);
        } finally {
            correlateNext = false;
            inColumnsClause = saved;
            qualify = savedQualify;
        }
    }

    @Override
    public void visitTuple(Nodes.Tuple t) {
        sql("(");
        list(t.items);
        sql(")");
    }

    @Override
    public void visitTextFragment(Nodes.TextFragment<?> t) {
        for (Object part : t.text.parts()) {
            if (part instanceof TextClause.Param p) {
                bind(BindSlot.named(p.name(), t.text.bindTypeOf(p.name())));
            } else {
                sql((String) part);
            }
        }
    }

    /** PostgreSQL's spelling, {@code EXCLUDED.col}; dialects override. */
    @Override
    public void visitExcluded(Nodes.Excluded<?> e) {
        sql("EXCLUDED.").identifier(e.column.name());
    }

    @Override
    public void visitOrderBy(OrderByElement o) {
        orderExpression(o.expression());
        if (!o.directionImplicit() || !o.ascending()) {
            sql(o.ascending() ? " ASC" : " DESC");
        }
        if (o.nullsFirstOrDefault() != null) {
            sql(o.nullsFirstOrDefault() ? " NULLS FIRST" : " NULLS LAST");
        }
    }

    /** Writes the sort expression (a compound select's ORDER BY refers to result names). */
    protected final void orderExpression(ColumnElement<?> e) {
        if (compoundOrder && e.resultName() != null) {
            identifier(e.resultName());
        } else {
            e.accept(this);
        }
    }

    // ================================================================== FROM items

    @Override
    public void visitTable(Table table) {
        if (table.schema() != null) {
            identifier(table.schema()).sql(".");
        }
        identifier(table.name());
    }

    @Override
    public void visitAlias(Alias alias) {
        if (alias.table().schema() != null) {
            identifier(alias.table().schema()).sql(".");
        }
        identifier(alias.table().name()).sql(" AS ").identifier(alias.name());
    }

    @Override
    public void visitSubquery(Subquery subquery) {
        if (subquery.isCte()) {
            registerCte(subquery);
            identifier(subquery.name());
            return;
        }
        sql("(");
        nestedStatement(subquery.select());
        sql(") AS ").identifier(subquery.name());
    }

    /** Writes a SELECT that does not correlate (a derived table, a CTE body, an INSERT's SELECT). */
    protected final void nestedStatement(SelectBase select) {
        enclosing.push(Set.of());
        boolean savedCols = inColumnsClause;
        boolean savedQualify = qualify;
        boolean savedOrder = compoundOrder;
        inColumnsClause = false;
        compoundOrder = false;
        qualify = true;
        try {
            select.accept(this);
        } finally {
            enclosing.pop();
            inColumnsClause = savedCols;
            qualify = savedQualify;
            compoundOrder = savedOrder;
        }
    }

    private void registerCte(Subquery cte) {
        String name = cte.name();
        if (ctes.containsKey(name) || ctesInProgress.contains(name)) {
            return;
        }
        ctesInProgress.add(name);
        recursiveCte |= cte.isRecursive();
        flush();
        int start = tokens.size();
        int savedDepth = selectDepth;
        selectDepth = 1; // a CTE body is not the statement's result
        try {
            identifier(name).sql("(");
            List<String> cols = cte.columnNames();
            for (int i = 0; i < cols.size(); i++) {
                if (i > 0) {
                    sql(", ");
                }
                identifier(cols.get(i));
            }
            sql(") AS (");
            nestedStatement(cte.select());
            sql(")");
            flush();
        } finally {
            selectDepth = savedDepth;
        }
        List<Object> fragment = new ArrayList<>(tokens.subList(start, tokens.size()));
        tokens.subList(start, tokens.size()).clear();
        ctesInProgress.remove(name);
        ctes.put(name, fragment);
    }

    private void prependWith() {
        flush();
        if (ctes.isEmpty()) {
            return;
        }
        List<Object> with = new ArrayList<>();
        with.add(recursiveCte ? "WITH RECURSIVE " : "WITH ");
        boolean first = true;
        for (List<Object> fragment : ctes.values()) {
            if (!first) {
                with.add(", ");
            }
            first = false;
            with.addAll(fragment);
        }
        with.add(" ");
        tokens.addAll(0, with);
        if (groupStart >= 0) {
            groupStart += with.size();
            groupEnd += with.size();
        }
    }

    @Override
    public void visitJoin(Join join) {
        if (join.kind() == Join.Kind.FULL && !dialect.supports(Feature.FULL_OUTER_JOIN)) {
            throw unsupported("FULL OUTER JOIN");
        }
        join.left().accept(this);
        sql(" ").sql(join.kind().sql()).sql(" ");
        if (join.right() instanceof Join) {
            sql("(");
            join.right().accept(this);
            sql(")");
        } else {
            join.right().accept(this);
        }
        sql(" ON ");
        join.onClause().accept(this);
    }

    // ================================================================== SELECT

    @Override
    public void visitSelect(Select select) {
        boolean correlate = correlateNext;
        correlateNext = false;
        boolean top = selectDepth == 0;
        selectDepth++;
        try {
            List<FromClause> froms = new ArrayList<>(select.effectiveFroms());
            if (correlate && !enclosing.isEmpty()) {
                Set<FromClause> outer = enclosing.peek();
                List<FromClause> kept = new ArrayList<>();
                for (FromClause f : froms) {
                    if (!outer.contains(f)) {
                        kept.add(f);
                    }
                }
                if (!kept.isEmpty()) {
                    froms = kept;
                }
            }
            Set<FromClause> visible = new HashSet<>();
            if (correlate && !enclosing.isEmpty()) {
                visible.addAll(enclosing.peek());
            }
            for (FromClause f : froms) {
                visible.addAll(f.leaves());
            }
            enclosing.push(visible);
            try {
                if (top) {
                    resultKeys = keysOf(select.selectedColumns());
                }
                sql("SELECT ");
                if (select.isDistinct()) {
                    sql("DISTINCT ");
                }
                columnsClause(select.selectedColumns());
                if (!froms.isEmpty()) {
                    sql(" FROM ");
                    list(froms);
                }
                criteria(" WHERE ", select.whereCriteria());
                if (!select.groupByItems().isEmpty()) {
                    sql(" GROUP BY ");
                    list(select.groupByItems());
                }
                criteria(" HAVING ", select.havingCriteria());
                if (!select.orderByItems().isEmpty()) {
                    sql(" ORDER BY ");
                    list(select.orderByItems());
                }
                limitOffset(select.limitValue(), select.offsetValue());
                if (select.lock() != Select.Lock.NONE) {
                    lockClause(select.lock());
                }
            } finally {
                enclosing.pop();
            }
        } finally {
            selectDepth--;
        }
    }

    private static List<Object> keysOf(List<? extends ClauseElement> columns) {
        List<Object> keys = new ArrayList<>(columns.size());
        for (ClauseElement c : columns) {
            keys.add(KeyBuilder.of(c).key());
        }
        return keys;
    }

    /** Writes the result columns of a SELECT (or RETURNING), labels as {@code expr AS name}. */
    protected final void columnsClause(List<ColumnElement<?>> columns) {
        boolean saved = inColumnsClause;
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sql(", ");
            }
            inColumnsClause = true;
            try {
                columns.get(i).accept(this);
            } finally {
                inColumnsClause = saved;
            }
        }
    }

    /** Writes {@code keyword} and the criteria joined with AND, if any. */
    protected final void criteria(String keyword, List<ColumnElement<Boolean>> criteria) {
        if (criteria.isEmpty()) {
            return;
        }
        sql(keyword);
        if (criteria.size() == 1) {
            criteria.get(0).accept(this);
        } else {
            new Nodes.BooleanList("AND", criteria).accept(this);
        }
    }

    /** ANSI: {@code OFFSET n ROWS FETCH FIRST m ROWS ONLY}. */
    protected void limitOffset(ColumnElement<?> limit, ColumnElement<?> offset) {
        if (offset != null) {
            sql(" OFFSET ");
            offset.accept(this);
            sql(" ROWS");
        }
        if (limit != null) {
            sql(" FETCH FIRST ");
            limit.accept(this);
            sql(" ROWS ONLY");
        }
    }

    /** {@code FOR UPDATE [NOWAIT | SKIP LOCKED]}, {@code FOR SHARE}. */
    protected void lockClause(Select.Lock lock) {
        switch (lock) {
            case UPDATE -> sql(" FOR UPDATE");
            case UPDATE_NOWAIT -> sql(" FOR UPDATE NOWAIT");
            case UPDATE_SKIP_LOCKED -> {
                if (!dialect.supports(Feature.SKIP_LOCKED)) {
                    throw unsupported("FOR UPDATE SKIP LOCKED");
                }
                sql(" FOR UPDATE SKIP LOCKED");
            }
            case SHARE -> sql(" FOR SHARE");
            default -> {}
        }
    }

    @Override
    public void visitCompoundSelect(CompoundSelect compound) {
        boolean top = selectDepth == 0;
        if (top) {
            resultKeys = keysOf(compound.selectedColumns());
        }
        selectDepth++;
        try {
            List<SelectBase> selects = compound.selects();
            for (int i = 0; i < selects.size(); i++) {
                if (i > 0) {
                    sql(" ").sql(compound.op().sql()).sql(" ");
                }
                SelectBase s = selects.get(i);
                boolean parens = s instanceof CompoundSelect
                        || (s instanceof Select sel
                                && (!sel.orderByItems().isEmpty()
                                        || sel.limitValue() != null
                                        || sel.offsetValue() != null));
                if (parens) {
                    sql("(");
                }
                nestedStatement(s);
                if (parens) {
                    sql(")");
                }
            }
            if (!compound.orderByItems().isEmpty()) {
                sql(" ORDER BY ");
                boolean saved = compoundOrder;
                compoundOrder = true;
                try {
                    list(compound.orderByItems());
                } finally {
                    compoundOrder = saved;
                }
            }
            limitOffset(compound.limitValue(), compound.offsetValue());
        } finally {
            selectDepth--;
        }
    }

    // ================================================================== DML

    /**
     * {@code INSERT ... [RETURNING ...]}; where the dialect returns rows through a delta table (H2) it is
     * {@code SELECT ... FROM FINAL TABLE (INSERT ...)}.
     */
    @Override
    public void visitInsert(Insert insert) {
        returning(Feature.INSERT_RETURNING, "INSERT", insert.returningColumns(), () -> {
            if (insert.onConflict() != null) {
                upsert(insert);
            } else {
                insertStatement(insert);
            }
        });
    }

    /** {@code INSERT INTO t (cols) VALUES (...)} or {@code ... SELECT ...} or {@code DEFAULT VALUES}. */
    protected void insertStatement(Insert insert) {
        sql("INSERT INTO ").identifier(insert.table().name());
        if (insert.columns().isEmpty() && insert.fromSelect() == null) {
            defaultValues();
            return;
        }
        sql(" (");
        plainColumnNames(insert.columns());
        sql(")");
        if (insert.fromSelect() != null) {
            sql(" ");
            nestedStatement(insert.fromSelect());
            return;
        }
        sql(" VALUES ");
        valuesRows(insert);
    }

    /** Writes {@code (...), (...)}; a single row is marked as the repeatable VALUES group (executemany). */
    protected final void valuesRows(Insert insert) {
        List<List<ColumnElement<?>>> rows = insert.rows();
        for (int r = 0; r < rows.size(); r++) {
            if (r > 0) {
                sql(", ");
            }
            if (rows.size() == 1) {
                beginValuesGroup();
            }
            sql("(");
            list(rows.get(r));
            sql(")");
            if (rows.size() == 1) {
                endValuesGroup();
            }
        }
    }

    /** Writes column names without their table, separated by commas. */
    protected final void plainColumnNames(List<Column<?>> columns) {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sql(", ");
            }
            identifier(columns.get(i).name());
        }
    }

    /** An INSERT of no columns: {@code DEFAULT VALUES}. */
    protected void defaultValues() {
        sql(" DEFAULT VALUES");
    }

    /** An upsert; the generic compiler has none. */
    protected void upsert(Insert insert) {
        throw unsupported("an upsert (onConflictDoUpdate / onConflictDoNothing)");
    }

    /** Writes {@code SET a = x, b = y} with bare column names on the left. */
    protected final void assignments(Map<Column<?>, ColumnElement<?>> set) {
        boolean first = true;
        for (Map.Entry<Column<?>, ColumnElement<?>> e : set.entrySet()) {
            if (!first) {
                sql(", ");
            }
            first = false;
            identifier(e.getKey().name()).sql(" = ");
            e.getValue().accept(this);
        }
    }

    @Override
    public void visitUpdate(Update update) {
        if (update.assignments().isEmpty()) {
            throw new InvalidRequestException("update(" + update.table().name() + ") has nothing to SET");
        }
        returning(Feature.UPDATE_RETURNING, "UPDATE", update.returningColumns(), () -> {
            enclosing.push(Set.of(update.table()));
            try {
                sql("UPDATE ").identifier(update.table().name()).sql(" SET ");
                assignments(update.assignments());
                criteria(" WHERE ", update.whereCriteria());
            } finally {
                enclosing.pop();
            }
        });
    }

    @Override
    public void visitDelete(Delete delete) {
        returning(Feature.DELETE_RETURNING, "DELETE", delete.returningColumns(), () -> {
            enclosing.push(Set.of(delete.table()));
            try {
                sql("DELETE FROM ").identifier(delete.table().name());
                criteria(" WHERE ", delete.whereCriteria());
            } finally {
                enclosing.pop();
            }
        });
    }

    /**
     * Writes a DML statement with its RETURNING columns: {@code <dml> RETURNING a, b}, or, where the dialect
     * reads changed rows through a delta table ({@link #deltaTable(String)}), {@code SELECT a, b FROM FINAL
     * TABLE (<dml>)}. Refuses with a clear error where the dialect has no such feature.
     */
    protected final void returning(Feature feature, String kind, List<ColumnElement<?>> columns, Runnable dml) {
        if (columns.isEmpty()) {
            dml.run();
            return;
        }
        if (!dialect.supports(feature)) {
            throw unsupported(kind + " ... RETURNING");
        }
        if (selectDepth == 0) {
            resultKeys = keysOf(columns);
        }
        String delta = deltaTable(kind);
        boolean savedQualify = qualify;
        if (delta != null) {
            sql("SELECT ");
            qualify = false;
            columnsClause(columns);
            qualify = savedQualify;
            sql(" FROM ").sql(delta).sql(" (");
            dml.run();
            sql(")");
            return;
        }
        dml.run();
        sql(" RETURNING ");
        qualify = false;
        try {
            columnsClause(columns);
        } finally {
            qualify = savedQualify;
        }
    }

    /**
     * The delta table a dialect reads changed rows from ({@code "FINAL TABLE"} for INSERT/UPDATE,
     * {@code "OLD TABLE"} for DELETE on H2), or {@code null} to use {@code RETURNING}.
     */
    protected String deltaTable(String dmlKind) {
        return null;
    }

    /** The error for a construct this dialect does not have. */
    protected final InvalidRequestException unsupported(String what) {
        return new InvalidRequestException("Dialect '" + dialect.name() + "' does not support " + what);
    }

    // ================================================================== output

    /** Appends SQL text. */
    public final SqlCompiler sql(String s) {
        current.append(s);
        return this;
    }

    /** Appends a quoted-if-needed identifier. */
    public final SqlCompiler identifier(String name) {
        current.append(dialect.quoteIdentifier(name));
        return this;
    }

    /** Appends a placeholder for {@code slot}. */
    public final SqlCompiler bind(BindSlot slot) {
        flush();
        tokens.add(slot);
        return this;
    }

    /** Marks the start of the repeatable {@code (...)} group of a single-row INSERT. */
    protected final void beginValuesGroup() {
        flush();
        groupStart = tokens.size();
    }

    /** Marks the end of the repeatable group. */
    protected final void endValuesGroup() {
        flush();
        groupEnd = tokens.size();
    }

    private void flush() {
        if (current.length() > 0) {
            tokens.add(current.toString());
            current.setLength(0);
        }
    }

    /** Produces the compiled statement from what was written. */
    protected CompiledStatement finish() {
        flush();
        boolean group = groupStart >= 0 && groupEnd > groupStart;
        return new CompiledStatement(
                tokens, group ? groupStart : -1, group ? groupEnd : -1, dialect.placeholderStyle(), resultKeys);
    }
}
