package io.retort.sql;

import io.retort.types.SqlType;

/**
 * A SQL expression that produces a value of Java type {@code T}: a table column, a bound value, a function
 * call, an arithmetic or comparison. The base of the expression language; operators such as {@code eq},
 * {@code in} and {@code like} are defined here so every expression has them. Immutable.
 *
 * <pre>{@code
 * users.c("name")                       // a Column, which is a ColumnElement
 * }</pre>
 *
 * @param <T> the Java type of the expression's values
 */
public abstract class ColumnElement<T> {

    protected ColumnElement() {}

    /** The SQL type of the expression's values, or {@code null} when unknown. */
    public abstract SqlType<T> type();
}
