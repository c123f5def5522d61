package io.retort.orm.metamodel;

import io.retort.sql.ColumnElement;
import io.retort.types.SqlType;
import java.util.Objects;

/**
 * A mapped attribute of an entity, as the generated metamodel ({@code User_.name}) exposes it: a typed
 * expression usable wherever Core takes one ({@code User_.name.eq("sandy")}, {@code User_.id.in(...)},
 * {@code User_.name.asc()}), so queries are checked by javac. It stands for the attribute's column of the
 * entity's table.
 *
 * <pre>{@code
 * session.select(User.class).where(User_.name.eq("sandy")).one();
 * }</pre>
 *
 * @param <E> the entity
 * @param <T> the attribute's (boxed) Java type
 */
public final class Attribute<E, T> extends ColumnElement<T> {
    private final Class<E> entity;
    private final String name;
    private final Class<T> javaType;

    private Attribute(Class<E> entity, String name, Class<T> javaType) {
        this.entity = Objects.requireNonNull(entity, "entity");
        this.name = Objects.requireNonNull(name, "name");
        this.javaType = Objects.requireNonNull(javaType, "javaType");
    }

    /** Used by generated metamodel classes. */
    public static <E, T> Attribute<E, T> of(Class<E> entity, String name, Class<T> javaType) {
        return new Attribute<>(entity, name, javaType);
    }

    /** The entity class. */
    public Class<E> entityType() {
        return entity;
    }

    /** The attribute (field) name. */
    public String name() {
        return name;
    }

    /** The attribute's Java type. */
    public Class<T> javaType() {
        return javaType;
    }

    /** Unknown until the attribute is resolved against a session factory's mapping. */
    @Override
    public SqlType<T> type() {
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attribute<?, ?> a && a.entity == entity && a.name.equals(name);
    }

    @Override
    public int hashCode() {
        return entity.hashCode() * 31 + name.hashCode();
    }

    @Override
    public String toString() {
        return entity.getSimpleName() + "." + name;
    }
}
