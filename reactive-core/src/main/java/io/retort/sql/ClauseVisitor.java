package io.retort.sql;

import io.retort.schema.Column;
import io.retort.schema.Table;
import io.retort.sql.internal.Nodes;

/**
 * One method per kind of {@link ClauseElement}: the double dispatch a statement compiler implements
 * ({@link io.retort.dialect.SqlCompiler} and its per-dialect subclasses). Adding a construct means adding a
 * node, a method here and its rendering in the generic compiler.
 *
 * <pre>{@code
 * class MyCompiler extends SqlCompiler {           // SqlCompiler implements ClauseVisitor
 *     @Override public void visitLike(Nodes.Like like) { ... }
 * }
 * }</pre>
 */
public interface ClauseVisitor {
    void visitColumn(Column<?> column);

    void visitFromColumn(Nodes.FromColumn<?> column);

    void visitBinary(Nodes.Binary<?> binary);

    void visitUnary(Nodes.Unary<?> unary);

    void visitBooleanList(Nodes.BooleanList list);

    void visitIsNull(Nodes.IsNull isNull);

    void visitInList(Nodes.InList in);

    void visitInSelect(Nodes.InSelect in);

    void visitBetween(Nodes.Between between);

    void visitLike(Nodes.Like like);

    void visitBind(Nodes.Bind<?> bind);

    void visitNamedBind(Nodes.NamedBind<?> bind);

    void visitKeyword(Nodes.Keyword<?> keyword);

    void visitFunction(FunctionElement<?> function);

    void visitOver(Nodes.Over<?> over);

    void visitCase(Case<?> caseExpression);

    void visitCast(Nodes.Cast<?> cast);

    void visitLabel(Nodes.Label<?> label);

    void visitScalarSubquery(Nodes.ScalarSubquery<?> subquery);

    void visitExists(Nodes.Exists exists);

    void visitTuple(Nodes.Tuple tuple);

    void visitTextFragment(Nodes.TextFragment<?> text);

    void visitExcluded(Nodes.Excluded<?> excluded);

    void visitOrderBy(OrderByElement orderBy);

    void visitTable(Table table);

    void visitAlias(Alias alias);

    void visitSubquery(Subquery subquery);

    void visitJoin(Join join);

    void visitSelect(Select select);

    void visitCompoundSelect(CompoundSelect compound);

    void visitInsert(Insert insert);

    void visitUpdate(Update update);

    void visitDelete(Delete delete);
}
