package io.retort.orm.internal;

import io.retort.orm.MappingException;
import io.retort.schema.Table;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What Retort knows about one mapped class: its table, attributes, ids, version and how to instantiate it. */
public final class EntityModel<E> {
    private final Class<E> type;
    private final String tableName;
    private final String schema;
    private Map<String, AttributeModel> attributes;
    private final List<RelationshipModel> relationships = new ArrayList<>();
    private final List<AttributeModel> ids;
    private final AttributeModel version;
    private final MethodHandle constructor;
    private final List<String> constructorParameters;
    private Table table;

    EntityModel(
            Class<E> type,
            String tableName,
            String schema,
            List<AttributeModel> attributes,
            MethodHandle constructor,
            List<String> constructorParameters) {
        this.type = type;
        this.tableName = tableName;
        this.schema = schema;
        Map<String, AttributeModel> byName = new LinkedHashMap<>();
        List<AttributeModel> idList = new ArrayList<>();
        AttributeModel v = null;
        for (AttributeModel a : attributes) {
            byName.put(a.name(), a);
            if (a.isId()) {
                idList.add(a);
            }
            if (a.isVersion()) {
                v = a;
            }
        }
        this.attributes = Collections.unmodifiableMap(byName);
        this.ids = List.copyOf(idList);
        this.version = v;
        // adapted once to an exact (Object[]) -> Object or () -> Object shape, so each call is an invokeExact
        this.constructor = constructorParameters.isEmpty()
                ? constructor.asType(java.lang.invoke.MethodType.methodType(Object.class))
                : constructor
                        .asSpreader(Object[].class, constructorParameters.size())
                        .asType(java.lang.invoke.MethodType.methodType(Object.class, Object[].class));
        this.constructorParameters = constructorParameters;
    }

    public Class<E> type() {
        return type;
    }

    public String tableName() {
        return tableName;
    }

    /** The schema, or {@code null}. */
    public String schema() {
        return schema;
    }

    public Table table() {
        return table;
    }

    void table(Table t) {
        this.table = t;
        for (AttributeModel a : attributes.values()) {
            a.column(t.c(a.columnName()));
        }
    }

    private volatile List<AttributeModel> attributeList;
    private volatile int[] idPositions;

    /** The positions of the id attributes within {@link #attributes()}, in id order. */
    public int[] idPositions() {
        int[] p = idPositions;
        if (p == null) {
            List<AttributeModel> attrs = attributes();
            p = new int[ids.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = attrs.indexOf(ids.get(i));
            }
            idPositions = p;
        }
        return p;
    }

    /** The mapped columns: field attributes, then the foreign keys of many-to-one relationships. */
    public List<AttributeModel> attributes() {
        List<AttributeModel> l = attributeList;
        if (l == null) {
            l = List.copyOf(attributes.values());
            attributeList = l;
        }
        return l;
    }

    void addAttribute(AttributeModel a) {
        Map<String, AttributeModel> m = new LinkedHashMap<>(attributes);
        m.put(a.name(), a);
        attributes = Collections.unmodifiableMap(m);
        attributeList = null;
        idPositions = null;
    }

    /** The relationships, in field order. */
    public List<RelationshipModel> relationships() {
        return relationships;
    }

    /**
     * The relationship named {@code name}.
     *
     * @throws MappingException listing the known relationships when there is none
     */
    public RelationshipModel relationship(String name) {
        for (RelationshipModel r : relationships) {
            if (r.name.equals(name)) {
                return r;
            }
        }
        throw new MappingException(
                "Entity " + type.getSimpleName() + " has no relationship '" + name + "' (relationships: "
                        + relationships.stream().map(RelationshipModel::name).toList() + ")");
    }

    public List<AttributeModel> ids() {
        return ids;
    }

    /** The {@code @Version} attribute, or {@code null}. */
    public AttributeModel version() {
        return version;
    }

    /**
     * The attribute named {@code name}.
     *
     * @throws MappingException listing the known attributes when there is none
     */
    public AttributeModel attribute(String name) {
        AttributeModel a = attributes.get(name);
        if (a == null) {
            throw new MappingException("Entity " + type.getSimpleName() + " has no attribute '" + name
                    + "' (attributes: "
                    + String.join(
                            ", ",
                            attributes.keySet().stream()
                                    .filter(n -> !n.contains("#"))
                                    .toList()) + ")");
        }
        return a;
    }

    /** {@code true} if the entity maps an attribute of that name. */
    public boolean hasAttribute(String name) {
        return attributes.containsKey(name);
    }

    /** A new, empty instance (through the no-arg constructor, or the {@code @Hydrate} one with nulls). */
    @SuppressWarnings("unchecked")
    public E newInstance(Map<String, Object> values) {
        try {
            if (constructorParameters.isEmpty()) {
                return (E) (Object) constructor.invokeExact();
            }
            Object[] args = new Object[constructorParameters.size()];
            for (int i = 0; i < args.length; i++) {
                args[i] = values == null ? null : values.get(constructorParameters.get(i));
            }
            return (E) (Object) constructor.invokeExact(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new MappingException("Cannot instantiate " + type.getName() + ": " + t, t);
        }
    }

    /** The attribute names the hydration constructor takes (empty for a no-arg constructor). */
    public List<String> constructorParameters() {
        return constructorParameters;
    }

    @Override
    public String toString() {
        return type.getSimpleName() + "(" + tableName + ")";
    }
}
