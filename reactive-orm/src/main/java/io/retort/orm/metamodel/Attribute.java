package io.retort.orm.metamodel;

import io.retort.core.InvalidRequestException;
import io.retort.schema.Column;
import io.retort.sql.ClauseVisitor;
import io.retort.sql.ColumnElement;
import io.retort.sql.FromClause;
import io.retort.sql.KeyBuilder;
import io.retort.types.SqlType;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

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
    /** Columns of mapped attributes, registered by each SessionFactory as it is built. */
    private static final Map<Attribute<?, ?>, Column<?>> COLUMNS = new ConcurrentHashMap<>();

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

    /**
     * Registers the column an attribute maps to (done by {@code SessionFactory} when it reads the mapping; the
     * last factory to map a class wins).
     */
    public static void bind(Class<?> entity, String name, Column<?> column) {
        COLUMNS.put(new Attribute<>(entity, name, Object.class), column);
    }

    /**
     * The column this attribute stands for.
     *
     * @throws InvalidRequestException when no session factory has mapped the entity yet
     */
    public Column<T> column() {
        @SuppressWarnings("unchecked")
        Column<T> c = (Column<T>) COLUMNS.get(this);
        if (c == null) {
            throw new InvalidRequestException("Attribute " + this + " is not mapped yet: build a SessionFactory with "
                    + entity.getSimpleName() + " among its entities before using " + entity.getSimpleName() + "_."
                    + name + " in a statement");
        }
        return c;
    }

    /** The mapped column's type. */
    @Override
    public SqlType<T> type() {
        return column().type();
    }

    @Override
    public void accept(ClauseVisitor visitor) {
        visitor.visitColumn(column());
    }

    @Override
    public void appendKey(KeyBuilder key) {
        column().appendKey(key);
    }

    @Override
    public void collectFroms(Consumer<FromClause> sink) {
        column().collectFroms(sink);
    }

    @Override
    public String resultName() {
        return column().resultName();
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
