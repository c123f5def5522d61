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
    private final List<Object[]> pendingRelationships = new ArrayList<>();
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
        for (Object[] p : pendingRelationships) {
            relationship(models.get((Class<?>) p[0]), (Field) p[1], (MethodHandles.Lookup) p[2]);
        }
        for (EntityModel<?> m : models.values()) {
            for (RelationshipModel r : m.relationships()) {
                resolve(r);
            }
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
            List<io.retort.schema.TableElement> elements = new ArrayList<>(cols);
            for (RelationshipModel r : m.relationships()) {
                if (r.kind == RelationshipModel.Kind.MANY_TO_ONE
                        && r.foreignKeys().size() > 1) {
                    List<String> own = new ArrayList<>();
                    List<String> referred = new ArrayList<>();
                    for (AttributeModel fk : r.foreignKeys()) {
                        own.add(fk.columnName());
                    }
                    for (AttributeModel fk : r.foreignKeys()) {
                        referred.add(r.target.ids().get(fk.component()).columnName());
                    }
                    io.retort.schema.ForeignKeyConstraint c =
                            io.retort.schema.ForeignKeyConstraint.of(own, r.target.tableName(), referred);
                    elements.add(r.onDeleteCascade ? c.onDelete(io.retort.schema.ReferentialAction.CASCADE) : c);
                }
            }
            m.table(metadata.table(m.tableName(), elements.toArray(io.retort.schema.TableElement[]::new)));
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
        for (EntityModel<?> m : models.values()) {
            for (RelationshipModel r : m.relationships()) {
                if (r.kind == RelationshipModel.Kind.MANY_TO_MANY && r.joinTable != null) {
                    AttributeModel ownerId = r.owner.ids().get(0);
                    AttributeModel targetId = r.target.ids().get(0);
                    r.association = metadata.table(
                            r.joinTable,
                            Column.column(r.joinTableOwnerColumn, ownerId.type())
                                    .primaryKey()
                                    .references(r.owner.tableName() + "." + ownerId.columnName()),
                            Column.column(r.joinTableTargetColumn, targetId.type())
                                    .primaryKey()
                                    .references(r.target.tableName() + "." + targetId.columnName()));
                }
            }
        }
        for (EntityModel<?> m : models.values()) {
            for (RelationshipModel r : m.relationships()) {
                if (r.kind == RelationshipModel.Kind.MANY_TO_MANY && r.joinTable == null) {
                    r.association = r.inverse.association;
                }
            }
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

    /** The models in foreign-key (flush) order: a list that {@link FlushPlan} recognises as already ordered. */
    static final class FlushOrder extends java.util.AbstractList<EntityModel<?>> {
        private final List<EntityModel<?>> models;

        FlushOrder(List<EntityModel<?>> models) {
            this.models = List.copyOf(models);
        }

        List<EntityModel<?>> models() {
            return models;
        }

        @Override
        public EntityModel<?> get(int index) {
            return models.get(index);
        }

        @Override
        public int size() {
            return models.size();
        }
    }

    private volatile FlushOrder flushOrder;

    /** The models in foreign-key (flush) order, computed once per factory. */
    public List<EntityModel<?>> flushOrder() {
        FlushOrder o = flushOrder;
        if (o == null) {
            o = new FlushOrder(FlushPlan.tableOrder(models.values()));
            flushOrder = o;
        }
        return o;
    }

    public MetaData metadata() {
        return metadata;
    }

    private Boolean anyRelationships;

    /** Whether any mapped class has a relationship (if none, a flush skips its relationship passes). */
    public boolean hasRelationships() {
        Boolean any = anyRelationships;
        if (any == null) {
            any = models.values().stream().anyMatch(m -> !m.relationships().isEmpty());
            anyRelationships = any;
        }
        return any;
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
        if (a.isForeignKey() && a.relationship().foreignKeys().size() == 1) {
            RelationshipModel r = a.relationship();
            AttributeModel targetId = r.target.ids().get(0);
            String ref = r.target.tableName() + "." + targetId.columnName();
            c = r.onDeleteCascade
                    ? c.references(
                            io.retort.schema.ForeignKey.to(ref).onDelete(io.retort.schema.ReferentialAction.CASCADE))
                    : c.references(ref);
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
                if (isRelationship(f)) {
                    pendingRelationships.add(new Object[] {type, f, lookup});
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

    private static boolean isRelationship(Field f) {
        return f.isAnnotationPresent(io.retort.orm.mapping.ManyToOne.class)
                || f.isAnnotationPresent(io.retort.orm.mapping.OneToMany.class)
                || f.isAnnotationPresent(io.retort.orm.mapping.OneToOne.class)
                || f.isAnnotationPresent(io.retort.orm.mapping.ManyToMany.class);
    }

    private void relationship(EntityModel<?> owner, Field f, MethodHandles.Lookup lookup) {
        String where = owner.type().getSimpleName() + "." + f.getName();
        if (java.lang.reflect.Modifier.isFinal(f.getModifiers())) {
            throw new MappingException("Relationship " + where + " is final; it must be writable");
        }
        Class<?> raw = f.getType();
        RelationshipModel.Holder holder;
        if (raw == io.retort.orm.Lazy.class) {
            holder = RelationshipModel.Holder.LAZY;
        } else if (raw == io.retort.orm.LazyList.class) {
            holder = RelationshipModel.Holder.LAZY_LIST;
        } else if (raw == List.class) {
            holder = RelationshipModel.Holder.PLAIN_LIST;
        } else {
            throw new MappingException("Relationship " + where + " has type " + raw.getSimpleName()
                    + "; use Lazy<Target> for a to-one and LazyList<Target> (or List<Target>, always loaded) for a"
                    + " to-many relationship");
        }
        Class<?> target = typeArgument(f, where);
        io.retort.orm.mapping.JoinColumn jc = f.getAnnotation(io.retort.orm.mapping.JoinColumn.class);
        io.retort.orm.mapping.ManyToOne m2o = f.getAnnotation(io.retort.orm.mapping.ManyToOne.class);
        io.retort.orm.mapping.OneToOne o2o = f.getAnnotation(io.retort.orm.mapping.OneToOne.class);
        io.retort.orm.mapping.OneToMany o2m = f.getAnnotation(io.retort.orm.mapping.OneToMany.class);
        io.retort.orm.mapping.ManyToMany m2m = f.getAnnotation(io.retort.orm.mapping.ManyToMany.class);
        io.retort.orm.mapping.JoinTable jt = f.getAnnotation(io.retort.orm.mapping.JoinTable.class);
        RelationshipModel.Kind kind;
        String mappedBy = null;
        io.retort.orm.mapping.Cascade[] cascade;
        io.retort.orm.mapping.Strategy strategy;
        String orderBy = null;
        boolean passive = false;
        boolean unique = false;
        if (m2o != null || (o2o != null && o2o.mappedBy().isEmpty())) {
            kind = RelationshipModel.Kind.MANY_TO_ONE;
            cascade = m2o != null ? m2o.cascade() : o2o.cascade();
            strategy = m2o != null ? m2o.strategy() : o2o.strategy();
            unique = o2o != null;
            if (holder != RelationshipModel.Holder.LAZY) {
                throw new MappingException(
                        "Relationship " + where + " is to-one; declare it as Lazy<" + target.getSimpleName() + ">");
            }
        } else if (o2o != null) {
            kind = RelationshipModel.Kind.ONE_TO_MANY;
            mappedBy = o2o.mappedBy();
            cascade = o2o.cascade();
            strategy = o2o.strategy();
            if (holder != RelationshipModel.Holder.LAZY) {
                throw new MappingException(
                        "Relationship " + where + " is one-to-one; declare it as Lazy<" + target.getSimpleName() + ">");
            }
        } else if (o2m != null) {
            kind = RelationshipModel.Kind.ONE_TO_MANY;
            mappedBy = o2m.mappedBy();
            cascade = o2m.cascade();
            strategy = o2m.strategy();
            orderBy = o2m.orderBy();
            passive = o2m.passiveDeletes();
        } else {
            kind = RelationshipModel.Kind.MANY_TO_MANY;
            mappedBy = m2m.mappedBy();
            cascade = m2m.cascade();
            strategy = m2m.strategy();
            orderBy = m2m.orderBy();
            if (mappedBy.isEmpty() && jt == null) {
                throw new MappingException(
                        "Many-to-many " + where + " needs @JoinTable (or mappedBy on the other side)");
            }
        }
        if (kind != RelationshipModel.Kind.MANY_TO_ONE && holder == RelationshipModel.Holder.LAZY && o2o == null) {
            throw new MappingException("Relationship " + where + " is to-many; declare it as LazyList<"
                    + target.getSimpleName() + "> or List<" + target.getSimpleName() + ">");
        }
        if (holder == RelationshipModel.Holder.PLAIN_LIST) {
            strategy = io.retort.orm.mapping.Strategy.SELECTIN; // a plain-typed relationship is always loaded
        }
        MethodHandle getter;
        MethodHandle setter;
        try {
            getter = lookup.unreflectGetter(f).asType(MethodType.methodType(Object.class, Object.class));
            setter = lookup.unreflectSetter(f).asType(MethodType.methodType(void.class, Object.class, Object.class));
        } catch (IllegalAccessException e) {
            throw new MappingException("Cannot access relationship " + where, e);
        }
        String joinColumn = jc != null && !jc.name().isEmpty() ? jc.name() : naming.columnName(f) + "_id";
        RelationshipModel r = new RelationshipModel(
                owner,
                f.getName(),
                f,
                getter,
                setter,
                kind,
                holder,
                target,
                mappedBy,
                cascade,
                strategy,
                orderBy,
                passive,
                joinColumn,
                jc == null || jc.nullable(),
                unique,
                jc != null && jc.onDeleteCascade(),
                jt == null ? null : jt.name(),
                jt == null ? null : jt.joinColumn(),
                jt == null ? null : jt.inverseJoinColumn());
        io.retort.orm.mapping.JoinColumns jcs = f.getAnnotation(io.retort.orm.mapping.JoinColumns.class);
        if (jcs != null) {
            List<String> names = new ArrayList<>();
            List<String> refs = new ArrayList<>();
            for (io.retort.orm.mapping.JoinColumn c : jcs.value()) {
                if (c.name().isEmpty()) {
                    throw new MappingException("@JoinColumns on " + where + " needs a name on every @JoinColumn");
                }
                names.add(c.name());
                refs.add(c.referencedColumnName());
            }
            r.joinColumns = List.copyOf(names);
            r.referencedColumns = List.copyOf(refs);
        }
        owner.relationships().add(r);
    }

    private static Class<?> typeArgument(Field f, String where) {
        java.lang.reflect.Type t = f.getGenericType();
        if (t instanceof java.lang.reflect.ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        throw new MappingException(
                "Relationship " + where + " needs its target type as a type argument, e.g. Lazy<User>");
    }

    private void resolve(RelationshipModel r) {
        EntityModel<?> target = models.get(r.targetType);
        if (target == null) {
            throw new MappingException("Relationship " + r + " points to " + r.targetType.getName()
                    + ", which is not among the session factory's entities; add it to entities(...)");
        }
        r.target = target;
        if (r.kind == RelationshipModel.Kind.MANY_TO_MANY
                && (target.ids().size() != 1 || r.owner.ids().size() != 1)) {
            throw new MappingException("Many-to-many " + r + ": entities with composite ids are not supported in"
                    + " association tables yet; map the association as an entity (the association-object pattern)");
        }
        if (r.mappedBy != null) {
            RelationshipModel inverse = null;
            for (RelationshipModel x : target.relationships()) {
                if (x.name.equals(r.mappedBy)) {
                    inverse = x;
                }
            }
            boolean ok = inverse != null
                    && inverse.targetType == r.owner.type()
                    && (r.kind == RelationshipModel.Kind.MANY_TO_MANY
                            ? inverse.kind == RelationshipModel.Kind.MANY_TO_MANY
                            : inverse.kind == RelationshipModel.Kind.MANY_TO_ONE);
            if (!ok) {
                throw new MappingException("Relationship " + r + " has mappedBy = \"" + r.mappedBy + "\", but "
                        + target.type().getSimpleName() + " has no "
                        + (r.kind == RelationshipModel.Kind.MANY_TO_MANY ? "many-to-many" : "many-to-one")
                        + " relationship of that name pointing back to "
                        + r.owner.type().getSimpleName()
                        + " (relationships: "
                        + target.relationships().stream()
                                .map(RelationshipModel::name)
                                .toList() + ")");
            }
            r.inverse = inverse;
            inverse.inverse = r;
        }
        if (r.kind == RelationshipModel.Kind.MANY_TO_ONE) {
            List<AttributeModel> targetIds = target.ids();
            List<String> columns = new ArrayList<>();
            List<AttributeModel> referenced = new ArrayList<>();
            if (targetIds.size() == 1) {
                columns.add(r.joinColumns.isEmpty() ? r.joinColumn : r.joinColumns.get(0));
                referenced.add(targetIds.get(0));
            } else {
                if (r.joinColumns.size() != targetIds.size()) {
                    throw new MappingException("Relationship " + r + " points to "
                            + target.type().getSimpleName()
                            + ", whose id has " + targetIds.size() + " columns "
                            + targetIds.stream().map(AttributeModel::columnName).toList()
                            + "; name one foreign-key column for each with @JoinColumns");
                }
                for (int i = 0; i < targetIds.size(); i++) {
                    String ref = r.referencedColumns.get(i);
                    AttributeModel t = ref.isEmpty()
                            ? targetIds.get(i)
                            : targetIds.stream()
                                    .filter(a -> a.columnName().equals(ref))
                                    .findFirst()
                                    .orElseThrow(
                                            () -> new MappingException("@JoinColumn(referencedColumnName = \"" + ref
                                                    + "\") on " + r + ": "
                                                    + target.type().getSimpleName()
                                                    + " has no id column of that name"));
                    columns.add(r.joinColumns.get(i));
                    referenced.add(t);
                }
            }
            List<AttributeModel> fks = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                String column = columns.get(i);
                for (AttributeModel a : r.owner.attributes()) {
                    if (a.columnName().equals(column)) {
                        throw new MappingException("Relationship " + r + " uses column '" + column
                                + "', which attribute " + a + " maps too");
                    }
                }
                AttributeModel fk = AttributeModel.foreignKey(
                        r,
                        column,
                        referenced.get(i).type(),
                        r.nullable,
                        r.unique && columns.size() == 1,
                        targetIds.indexOf(referenced.get(i)));
                fks.add(fk);
                r.owner.addAttribute(fk);
            }
            r.foreignKey = fks.get(0);
            r.foreignKeys = List.copyOf(fks);
        }
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
