package io.retort.orm.internal;

import io.retort.orm.mapping.GenerationType;
import io.retort.schema.Column;
import io.retort.types.SqlType;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;

/**
 * One mapped attribute: its field, column and type, and MethodHandles resolved once for reading and writing
 * it (never reflection per row).
 */
public final class AttributeModel {
    private final String name;
    private final Field field;
    private final String columnName;
    private final SqlType<?> type;
    private final boolean id;
    private final GenerationType generation;
    private final String sequence;
    private final boolean version;
    private final boolean insertable;
    private final boolean updatable;
    private final boolean nullable;
    private final boolean unique;
    private final String references;
    private final Class<? extends Enum<?>> enumType;
    private final boolean enumOrdinal;
    private final MethodHandle getter;
    private final MethodHandle setter;
    private final RelationshipModel relationship;
    private final int component; // index into the target's ids, for a relationship's foreign key
    private Column<?> column;

    AttributeModel(
            String name,
            Field field,
            String columnName,
            SqlType<?> type,
            boolean id,
            GenerationType generation,
            String sequence,
            boolean version,
            boolean insertable,
            boolean updatable,
            boolean nullable,
            boolean unique,
            String references,
            Class<? extends Enum<?>> enumType,
            boolean enumOrdinal,
            MethodHandle getter,
            MethodHandle setter) {
        this.name = name;
        this.field = field;
        this.columnName = columnName;
        this.type = type;
        this.id = id;
        this.generation = generation;
        this.sequence = sequence;
        this.version = version;
        this.insertable = insertable;
        this.updatable = updatable;
        this.nullable = nullable;
        this.unique = unique;
        this.references = references;
        this.enumType = enumType;
        this.enumOrdinal = enumOrdinal;
        this.getter = getter;
        this.setter = setter;
        this.relationship = null;
        this.component = 0;
    }

    /** The foreign-key column of a many-to-one relationship, read and written through its {@code Lazy} holder. */
    private AttributeModel(
            RelationshipModel rel,
            String columnName,
            SqlType<?> type,
            boolean nullable,
            boolean unique,
            int component) {
        this.name = rel.name + "#fk" + (component == 0 ? "" : component);
        this.component = component;
        this.field = rel.field;
        this.columnName = columnName;
        this.type = type;
        this.id = false;
        this.generation = null;
        this.sequence = null;
        this.version = false;
        this.insertable = true;
        this.updatable = true;
        this.nullable = nullable;
        this.unique = unique;
        this.references = null;
        this.enumType = null;
        this.enumOrdinal = false;
        this.getter = null;
        this.setter = null;
        this.relationship = rel;
    }

    static AttributeModel foreignKey(
            RelationshipModel rel,
            String columnName,
            SqlType<?> type,
            boolean nullable,
            boolean unique,
            int component) {
        return new AttributeModel(rel, columnName, type, nullable, unique, component);
    }

    /** The many-to-one relationship whose foreign key this is, or {@code null} for a plain attribute. */
    public RelationshipModel relationship() {
        return relationship;
    }

    /** For a relationship's foreign key: the index of the target id attribute it refers to. */
    public int component() {
        return component;
    }

    /** Whether this is a relationship's foreign key rather than a field of its own. */
    public boolean isForeignKey() {
        return relationship != null;
    }

    public String name() {
        return name;
    }

    public Field field() {
        return field;
    }

    public Class<?> javaType() {
        return field.getType();
    }

    public String columnName() {
        return columnName;
    }

    public SqlType<?> type() {
        return type;
    }

    /** The type values are read with (the column type; enums stored by name read as strings). */
    public SqlType<?> storageType() {
        return type;
    }

    public boolean isId() {
        return id;
    }

    /** The generation strategy, or {@code null} when the value is assigned by the application. */
    public GenerationType generation() {
        return generation;
    }

    public String sequence() {
        return sequence;
    }

    public boolean isVersion() {
        return version;
    }

    public boolean isInsertable() {
        return insertable;
    }

    public boolean isUpdatable() {
        return updatable;
    }

    public boolean isNullable() {
        return nullable;
    }

    public boolean isUnique() {
        return unique;
    }

    /** The foreign-key target {@code "table.column"}, or {@code null}. */
    public String references() {
        return references;
    }

    /** The table column, once the entity's table is built. */
    public Column<?> column() {
        return column;
    }

    void column(Column<?> c) {
        this.column = c;
    }

    /** Reads the attribute from {@code entity}. */
    public Object get(Object entity) {
        if (relationship != null) {
            return foreignKeyOf(entity);
        }
        try {
            return getter.invokeExact(entity);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Writes {@code value} (already of the field's type) into {@code entity}. */
    public void set(Object entity, Object value) {
        if (relationship != null) {
            setForeignKey(entity, value);
            return;
        }
        try {
            setter.invokeExact(entity, value);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The value as stored in the column (enums by name or ordinal). */
    public Object toColumnValue(Object value) {
        if (value instanceof Enum<?> e && enumType != null) {
            return enumOrdinal ? (Object) e.ordinal() : e.name();
        }
        return value;
    }

    /** A column value (already read through the dialect's type map) converted into the field's type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object fromColumnValue(Object value) {
        if (value == null) {
            return null;
        }
        if (enumType != null) {
            if (enumType.isInstance(value)) {
                return value;
            }
            if (enumOrdinal) {
                return enumType.getEnumConstants()[((Number) value).intValue()];
            }
            return Enum.valueOf((Class) enumType, value.toString());
        }
        if (type.javaType().isInstance(value)) {
            return value;
        }
        return type.fromDatabase(value);
    }

    private Object foreignKeyOf(Object entity) {
        io.retort.orm.Lazy<?> h = (io.retort.orm.Lazy<?>) relationship.holderOf(entity);
        if (h == null) {
            return null;
        }
        if (!h.isLoaded()) {
            Object fk = h.foreignKey();
            return fk instanceof java.util.List<?> parts ? parts.get(component) : fk;
        }
        Object target = h.get();
        return target == null ? null : relationship.target.ids().get(component).get(target);
    }

    /** The holder's foreign key as a list of components (one for a simple key). */
    private java.util.List<Object> currentKey(io.retort.orm.Lazy<Object> h) {
        int n = relationship.target.ids().size();
        java.util.List<Object> key = new java.util.ArrayList<>(n);
        if (h.isLoaded()) {
            Object target = h.get();
            for (int i = 0; i < n; i++) {
                key.add(target == null ? null : relationship.target.ids().get(i).get(target));
            }
        } else {
            Object fk = h.foreignKey();
            for (int i = 0; i < n; i++) {
                key.add(fk instanceof java.util.List<?> parts ? parts.get(i) : (i == 0 ? fk : null));
            }
        }
        return key;
    }

    @SuppressWarnings("unchecked")
    private void setForeignKey(Object entity, Object value) {
        io.retort.orm.Lazy<Object> h = (io.retort.orm.Lazy<Object>) relationship.holderOf(entity);
        if (h == null) {
            h = io.retort.orm.Lazy.empty();
            relationship.setHolder(entity, h);
        }
        if (relationship.target.ids().size() == 1) { // a single-column key: no list (hydration's common case)
            Object now = h.isLoaded()
                    ? (h.get() == null ? null : relationship.target.ids().get(0).get(h.get()))
                    : h.foreignKey();
            if (!java.util.Objects.equals(now, value)) {
                if (value == null) {
                    h.fill(null);
                } else {
                    h.unload(value);
                }
            }
            return;
        }
        java.util.List<Object> key = currentKey(h);
        if (java.util.Objects.equals(key.get(component), value)) {
            return;
        }
        key.set(component, value);
        boolean allNull = true;
        for (Object part : key) {
            allNull &= part == null;
        }
        if (allNull) {
            h.fill(null);
        } else {
            h.unload(
                    key.size() == 1
                            ? key.get(0)
                            : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(key)));
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    @Override
    public String toString() {
        return field.getDeclaringClass().getSimpleName() + "." + (relationship != null ? relationship.name : name);
    }
}
