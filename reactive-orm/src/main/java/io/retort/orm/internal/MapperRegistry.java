package io.retort.orm.internal;

import io.retort.orm.MappingException;
import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.EnumType;
import io.retort.orm.mapping.Enumerated;
import io.retort.orm.mapping.GeneratedValue;
import io.retort.orm.mapping.GenerationType;
import io.retort.orm.mapping.Hydrate;
import io.retort.orm.mapping.Id;
import io.retort.orm.mapping.NamingStrategy;
import io.retort.orm.mapping.Transient;
import io.retort.orm.mapping.Version;
import io.retort.schema.Column;
import io.retort.schema.MetaData;
import io.retort.types.SqlType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads each entity class once into an {@link EntityModel}, validates it with errors that name class and
 * field, and builds the {@link MetaData} of the mapped tables.
 */
public final class MapperRegistry {
    /** Columns of every mapped class, for {@code select(User.class)} in Core (the last factory to map a class wins). */
    private static final Map<Class<?>, List<Column<?>>> ENTITY_COLUMNS = new java.util.concurrent.ConcurrentHashMap<>();

    static {
        io.retort.sql.ClassColumns.register(ENTITY_COLUMNS::get);
    }

    private final NamingStrategy naming;
    private final Map<Class<?>, EntityModel<?>> models = new LinkedHashMap<>();
    private final MetaData metadata = new MetaData();

    public MapperRegistry(Collection<Class<?>> entities, NamingStrategy naming) {
        this.naming = naming;
        for (Class<?> c : entities) {
            if (models.containsKey(c)) {
                continue;
            }
            models.put(c, read(c));
        }
        Map<String, Class<?>> tables = new HashMap<>();
        for (EntityModel<?> m : models.values()) {
            Class<?> other = tables.put(m.tableName(), m.type());
            if (other != null) {
                throw new MappingException("Entities " + other.getName() + " and "
                        + m.type().getName() + " both map to table '" + m.tableName() + "'");
            }
            List<Column<?>> cols = new ArrayList<>();
            for (AttributeModel a : m.attributes()) {
                cols.add(columnFor(a));
            }
            m.table(metadata.table(m.tableName(), cols.toArray(Column<?>[]::new)));
            for (AttributeModel a : m.attributes()) {
                if (a.sequence() != null
                        && metadata.sequences().stream().noneMatch(q -> q.name().equals(a.sequence()))) {
                    metadata.sequence(io.retort.schema.Sequence.named(a.sequence()));
                }
            }
            List<Column<?>> mapped = new ArrayList<>();
            for (AttributeModel a : m.attributes()) {
                io.retort.orm.metamodel.Attribute.bind(m.type(), a.name(), a.column());
                mapped.add(a.column());
            }
            ENTITY_COLUMNS.put(m.type(), List.copyOf(mapped));
        }
    }

    /** The model of {@code type}; an error naming the mapped classes when it is not mapped. */
    @SuppressWarnings("unchecked")
    public <E> EntityModel<E> model(Class<E> type) {
        EntityModel<?> m = models.get(type);
        if (m == null) {
            throw new MappingException(type.getName() + " is not a mapped entity of this SessionFactory (mapped: "
                    + models.keySet().stream().map(Class::getSimpleName).toList()
                    + "); add it with SessionFactory.builder(engine).entities(...)");
        }
        return (EntityModel<E>) m;
    }

    /** The model whose table is {@code table}, or {@code null}. */
    public EntityModel<?> modelOfTable(io.retort.schema.Table table) {
        for (EntityModel<?> m : models.values()) {
            if (m.table() == table) {
                return m;
            }
        }
        return null;
    }

    public boolean isMapped(Class<?> type) {
        return models.containsKey(type);
    }

    public Collection<EntityModel<?>> models() {
        return models.values();
    }

    public MetaData metadata() {
        return metadata;
    }

    public NamingStrategy naming() {
        return naming;
    }

    private static Column<?> columnFor(AttributeModel a) {
        Column<?> c = Column.column(a.columnName(), a.type());
        if (a.isId()) {
            c = c.primaryKey();
            if (a.generation() == io.retort.orm.mapping.GenerationType.IDENTITY) {
                c = c.autoincrement();
            }
        } else if (!a.isNullable()) {
            c = c.notNull();
        }
        if (a.isUnique()) {
            c = c.unique();
        }
        if (a.references() != null) {
            c = c.references(a.references());
        }
        return c;
    }

    private <E> EntityModel<E> read(Class<E> type) {
        Entity entity = type.getAnnotation(Entity.class);
        if (entity == null) {
            throw new MappingException(type.getName() + " is not annotated @Entity");
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new MappingException("Entity " + type.getName() + " must be a concrete class");
        }
        String table = entity.table().isEmpty() ? naming.tableName(type) : entity.table();
        MethodHandles.Lookup lookup;
        try {
            lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new MappingException(
                    "Cannot access " + type.getName()
                            + " (open its package to io.retort.orm if it is in a named module)",
                    e);
        }
        List<AttributeModel> attributes = new ArrayList<>();
        Map<String, Field> columns = new HashMap<>();
        for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod)
                        || Modifier.isTransient(mod)
                        || f.isSynthetic()
                        || f.isAnnotationPresent(Transient.class)) {
                    continue;
                }
                AttributeModel a = attribute(type, table, f, lookup);
                Field clash = columns.put(a.columnName(), f);
                if (clash != null) {
                    throw new MappingException("Entity " + type.getName() + ": fields '" + clash.getName() + "' and '"
                            + f.getName() + "' both map to column '" + a.columnName() + "'");
                }
                attributes.add(a);
            }
        }
        if (attributes.stream().noneMatch(AttributeModel::isId)) {
            throw new MappingException("Entity " + type.getName() + " has no @Id field; mark its primary key with @Id");
        }
        if (attributes.stream().filter(AttributeModel::isVersion).count() > 1) {
            throw new MappingException("Entity " + type.getName() + " has more than one @Version field");
        }
        return constructor(type, table, entity.schema().isEmpty() ? null : entity.schema(), attributes, lookup);
    }

    private <E> EntityModel<E> constructor(
            Class<E> type, String table, String schema, List<AttributeModel> attributes, MethodHandles.Lookup lookup) {
        Constructor<?> hydrate = null;
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (c.isAnnotationPresent(Hydrate.class)) {
                if (hydrate != null) {
                    throw new MappingException("Entity " + type.getName() + " has more than one @Hydrate constructor");
                }
                hydrate = c;
            }
        }
        try {
            if (hydrate == null) {
                Constructor<E> noArg;
                try {
                    noArg = type.getDeclaredConstructor();
                } catch (NoSuchMethodException e) {
                    throw new MappingException("Entity " + type.getName()
                            + " needs a no-arg constructor (any visibility) or a constructor annotated @Hydrate");
                }
                return new EntityModel<>(
                        type, table, schema, attributes, lookup.unreflectConstructor(noArg), List.of());
            }
            List<String> names = new ArrayList<>();
            for (Parameter p : hydrate.getParameters()) {
                if (!p.isNamePresent()) {
                    throw new MappingException("@Hydrate constructor of " + type.getName()
                            + " has no parameter names; compile with -parameters");
                }
                if (attributes.stream().noneMatch(a -> a.name().equals(p.getName()))) {
                    throw new MappingException("@Hydrate constructor of " + type.getName() + " takes '" + p.getName()
                            + "', which is not a mapped attribute");
                }
                names.add(p.getName());
            }
            return new EntityModel<>(
                    type, table, schema, attributes, lookup.unreflectConstructor(hydrate), List.copyOf(names));
        } catch (IllegalAccessException e) {
            throw new MappingException("Cannot access the constructor of " + type.getName(), e);
        }
    }

    private AttributeModel attribute(Class<?> entity, String table, Field f, MethodHandles.Lookup lookup) {
        String where = entity.getSimpleName() + "." + f.getName();
        if (Modifier.isFinal(f.getModifiers())) {
            throw new MappingException(
                    "Field " + where + " is final; mapped fields must be writable (or mark it @Transient)");
        }
        io.retort.orm.mapping.Column col = f.getAnnotation(io.retort.orm.mapping.Column.class);
        boolean id = f.isAnnotationPresent(Id.class);
        GeneratedValue gen = f.getAnnotation(GeneratedValue.class);
        boolean version = f.isAnnotationPresent(Version.class);
        Class<?> jt = f.getType();
        String columnName = col != null && !col.name().isEmpty() ? col.name() : naming.columnName(f);
        if (gen != null && !id) {
            throw new MappingException("Field " + where + " is @GeneratedValue but not @Id");
        }
        if (gen != null) {
            boolean ok =
                    switch (gen.strategy()) {
                        case IDENTITY, SEQUENCE -> TypeMapping.isIntegral(jt);
                        case UUID -> jt == java.util.UUID.class || jt == String.class;
                    };
            if (!ok) {
                throw new MappingException("Field " + where + " of type " + jt.getSimpleName()
                        + " cannot take @GeneratedValue(" + gen.strategy()
                        + "); use an integral type for IDENTITY/SEQUENCE, UUID or String for UUID");
            }
        }
        if (version && !TypeMapping.isIntegral(jt)) {
            throw new MappingException(
                    "@Version field " + where + " must be int, long, Integer or Long, was " + jt.getSimpleName());
        }
        Enumerated en = f.getAnnotation(Enumerated.class);
        boolean ordinal = en != null && en.value() == EnumType.ORDINAL;
        SqlType<?> type = TypeMapping.sqlType(f, col, ordinal, where);
        @SuppressWarnings("unchecked")
        Class<? extends Enum<?>> enumType = jt.isEnum() ? (Class<? extends Enum<?>>) jt : null;
        boolean nullable = !(id || jt.isPrimitive() || version || (col != null && !col.nullable()));
        MethodHandle getter;
        MethodHandle setter;
        try {
            getter = lookup.unreflectGetter(f).asType(MethodType.methodType(Object.class, Object.class));
            setter = lookup.unreflectSetter(f).asType(MethodType.methodType(void.class, Object.class, Object.class));
        } catch (IllegalAccessException e) {
            throw new MappingException("Cannot access field " + where, e);
        }
        if (gen != null && gen.strategy() == GenerationType.UUID) {
            Uuids.init(); // seed the generator here, on the thread building the factory, not on an event loop
        }
        String sequence = gen != null && gen.strategy() == GenerationType.SEQUENCE
                ? (gen.sequence().isEmpty() ? table + "_" + columnName + "_seq" : gen.sequence())
                : null;
        return new AttributeModel(
                f.getName(),
                f,
                columnName,
                type,
                id,
                gen == null ? null : gen.strategy(),
                sequence,
                version,
                col == null || col.insertable(),
                col == null || col.updatable(),
                nullable,
                col != null && col.unique(),
                f.isAnnotationPresent(io.retort.orm.mapping.References.class)
                        ? f.getAnnotation(io.retort.orm.mapping.References.class)
                                .value()
                        : null,
                enumType,
                ordinal,
                getter,
                setter);
    }
}
