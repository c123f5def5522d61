package io.retort.sql;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Lets {@code select(SomeClass.class)} select the columns a class is mapped to. Core knows no mapping; a
 * mapping layer (Retort's ORM) registers a resolver, and {@link Sql#select(Object...)} asks it for classes.
 *
 * <pre>{@code
 * ClassColumns.register(type -> registry.isMapped(type) ? registry.columnsOf(type) : null);
 * select(User.class).where(User_.name.eq("sandy"));   // SELECT user_account.id, user_account.name, ... FROM user_account
 * }</pre>
 */
public final class ClassColumns {
    private static final List<Function<Class<?>, List<? extends ColumnElement<?>>>> RESOLVERS =
            new CopyOnWriteArrayList<>();

    private ClassColumns() {}

    /** Adds a resolver: it returns the columns of a class it maps, or {@code null} for others. */
    public static void register(Function<Class<?>, List<? extends ColumnElement<?>>> resolver) {
        RESOLVERS.add(0, Objects.requireNonNull(resolver, "resolver"));
    }

    /** The columns of {@code type}, from the most recently registered resolver that knows it. */
    public static List<? extends ColumnElement<?>> of(Class<?> type) {
        for (Function<Class<?>, List<? extends ColumnElement<?>>> r : RESOLVERS) {
            List<? extends ColumnElement<?>> cols = r.apply(type);
            if (cols != null) {
                return cols;
            }
        }
        throw new IllegalArgumentException("select() got " + type.getName()
                + ", which no mapping knows: map it (ORM: SessionFactory.builder(engine).entities("
                + type.getSimpleName() + ".class)) or select a Table");
    }
}
