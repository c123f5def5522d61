package io.retort.orm.internal;

import java.util.List;

/**
 * The identity of a persistent object: its class and primary-key value (a single value, or a list for a
 * composite key). The identity map's key.
 */
public record EntityKey(Class<?> type, Object id) {

    /** The key of {@code entity} as it stands now, or {@code null} when an id attribute is null. */
    public static EntityKey of(EntityModel<?> model, Object entity) {
        List<AttributeModel> ids = model.ids();
        if (ids.size() == 1) {
            Object v = ids.get(0).get(entity);
            return v == null ? null : new EntityKey(model.type(), v);
        }
        Object[] values = new Object[ids.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ids.get(i).get(entity);
            if (values[i] == null) {
                return null;
            }
        }
        return new EntityKey(model.type(), List.of(values));
    }

    /** The key for an id given by the user: a value, or an array/list for a composite key. */
    public static EntityKey forId(EntityModel<?> model, Object id) {
        int n = model.ids().size();
        if (n == 1) {
            if (id instanceof Object[] || id instanceof List<?>) {
                throw new io.retort.orm.MappingException(
                        "Entity " + model.type().getSimpleName() + " has a single id attribute '"
                                + model.ids().get(0).name() + "'; pass its value, not " + id);
            }
            return new EntityKey(model.type(), normalize(model.ids().get(0), id));
        }
        List<?> values = id instanceof Object[] a ? List.of(a) : id instanceof List<?> l ? l : null;
        if (values == null || values.size() != n) {
            throw new io.retort.orm.MappingException("Entity " + model.type().getSimpleName() + " has a composite id "
                    + model.ids().stream().map(AttributeModel::name).toList() + "; pass its " + n
                    + " values as an Object[] or List, in that order (was " + id + ")");
        }
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            out[i] = normalize(model.ids().get(i), values.get(i));
        }
        return new EntityKey(model.type(), List.of(out));
    }

    private static Object normalize(AttributeModel a, Object v) {
        if (v == null) {
            throw new io.retort.orm.MappingException("An id value of " + a + " may not be null");
        }
        Object converted = a.fromColumnValue(a.toColumnValue(v));
        return converted == null ? v : converted;
    }

    /** The id values in id-attribute order. */
    public List<Object> values() {
        return id instanceof List<?> l ? List.copyOf(l) : List.of(id);
    }
}
