package io.retort.sql;

import io.retort.sql.internal.Nodes;
import io.retort.types.SqlType;
import io.retort.types.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLAlchemy's {@code func}: known SQL functions with their result types, and {@link #call} for any other.
 * Reached as {@code Sql.func}.
 *
 * <pre>{@code
 * select(func.count()).from(users)                  // SELECT count(*) FROM users
 * select(func.max(users.c("id")))                   // SELECT max(users.id) FROM users
 * func.call("my_fn", users.c("id"), 5)              // my_fn(users.id, $1)
 * }</pre>
 */
public final class Functions {
    static final Functions INSTANCE = new Functions();

    private Functions() {}

    /** {@code count(*)}. */
    public FunctionElement<Long> count() {
        return new FunctionElement<>("count", List.of(new Nodes.Keyword<>("*", null)), Types.BIGINT);
    }

    /** {@code count(x)}. */
    public FunctionElement<Long> count(ColumnElement<?> x) {
        return new FunctionElement<>("count", List.of(x), Types.BIGINT);
    }

    /** {@code sum(x)}. */
    public <T> FunctionElement<T> sum(ColumnElement<T> x) {
        return new FunctionElement<>("sum", List.of(x), x.type());
    }

    /** {@code avg(x)} (a decimal or floating value, depending on the database). */
    public FunctionElement<Object> avg(ColumnElement<?> x) {
        return new FunctionElement<>("avg", List.of(x), null);
    }

    /** {@code min(x)}. */
    public <T> FunctionElement<T> min(ColumnElement<T> x) {
        return new FunctionElement<>("min", List.of(x), x.type());
    }

    /** {@code max(x)}. */
    public <T> FunctionElement<T> max(ColumnElement<T> x) {
        return new FunctionElement<>("max", List.of(x), x.type());
    }

    /** {@code lower(x)}. */
    public FunctionElement<String> lower(ColumnElement<?> x) {
        return new FunctionElement<>("lower", List.of(x), Types.TEXT);
    }

    /** {@code upper(x)}. */
    public FunctionElement<String> upper(ColumnElement<?> x) {
        return new FunctionElement<>("upper", List.of(x), Types.TEXT);
    }

    /** {@code char_length(x)}: the length in characters on every database. */
    public FunctionElement<Integer> length(ColumnElement<?> x) {
        return new FunctionElement<>("char_length", List.of(x), Types.INTEGER);
    }

    /** {@code coalesce(a, b, ...)}; plain values are bound. */
    @SuppressWarnings("unchecked")
    public <T> FunctionElement<T> coalesce(ColumnElement<T> first, Object... more) {
        List<ColumnElement<?>> args = new ArrayList<>();
        args.add(first);
        for (Object m : more) {
            args.add(Nodes.coerce(m, first));
        }
        return new FunctionElement<>("coalesce", args, first.type());
    }

    /** {@code CURRENT_TIMESTAMP} (the transaction's timestamp). */
    public FunctionElement<Object> now() {
        return new FunctionElement<>("now", List.of(), null);
    }

    /** {@code row_number()}, for {@code over(...)}. */
    public FunctionElement<Long> rowNumber() {
        return new FunctionElement<>("row_number", List.of(), Types.BIGINT);
    }

    /** {@code rank()}, for {@code over(...)}. */
    public FunctionElement<Long> rank() {
        return new FunctionElement<>("rank", List.of(), Types.BIGINT);
    }

    /** {@code dense_rank()}, for {@code over(...)}. */
    public FunctionElement<Long> denseRank() {
        return new FunctionElement<>("dense_rank", List.of(), Types.BIGINT);
    }

    /**
     * Any function: {@code name(args)}. Plain Java arguments are bound. The name must be a plain identifier
     * (letters, digits, underscores, dots), never user input.
     */
    public FunctionElement<Object> call(String name, Object... args) {
        return call(name, null, args);
    }

    /** Any function with a known result type. */
    public <T> FunctionElement<T> call(String name, SqlType<T> type, Object... args) {
        List<ColumnElement<?>> a = new ArrayList<>();
        for (Object o : args) {
            a.add(Nodes.coerce(o, null));
        }
        return new FunctionElement<>(name, a, type);
    }
}
