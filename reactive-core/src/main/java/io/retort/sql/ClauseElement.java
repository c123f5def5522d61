package io.retort.sql;

/**
 * Any part of a SQL statement: an expression, a FROM item or a whole statement. Compilers visit it
 * ({@link #accept(ClauseVisitor)}) and the engine's statement cache reads its shape ({@link #appendKey(KeyBuilder)}).
 * Users rarely call these methods; they are public so that dialect compilers in other modules can use them.
 *
 * <pre>{@code
 * ClauseElement e = users.c("id").eq(5);
 * e.accept(compiler);          // renders users.id = $1
 * }</pre>
 */
public interface ClauseElement {

    /** Dispatches to the visitor method for this kind of element. */
    void accept(ClauseVisitor visitor);

    /**
     * Appends this element's shape (structure and the types of its values, never the values) to {@code key}
     * and registers its bound values in traversal order. The default is the element's own identity, right for
     * value-free leaves such as a table column.
     */
    default void appendKey(KeyBuilder key) {
        key.identity(this);
    }
}
