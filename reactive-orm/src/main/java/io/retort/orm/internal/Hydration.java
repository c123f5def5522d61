package io.retort.orm.internal;

import io.retort.core.Row;
import io.retort.dialect.TypeMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds objects from rows without a session: the detached objects of a streaming query. */
public final class Hydration {
    private Hydration() {}

    /**
     * A new object of {@code model} from the row's columns starting at {@code offset} (in attribute order), values
     * read as the session reads them. Relationship holders are left as the constructor made them.
     */
    public static <T> T detached(EntityModel<T> model, TypeMap types, Row row, int offset) {
        return detached(model, model.attributes(), types, row, offset);
    }

    /** {@link #detached(EntityModel, TypeMap, Row, int)} with the attribute list resolved once by the caller. */
    public static <T> T detached(EntityModel<T> model, List<AttributeModel> attrs, TypeMap types, Row row, int offset) {
        Object[] values = new Object[attrs.size()];
        for (int i = 0; i < values.length; i++) {
            AttributeModel a = attrs.get(i);
            values[i] = a.fromColumnValue(types.fromDriver(a.storageType(), row.get(offset + i)));
        }
        Map<String, Object> byName = null;
        if (!model.constructorParameters().isEmpty()) {
            byName = new HashMap<>();
            for (int i = 0; i < values.length; i++) {
                byName.put(attrs.get(i).name(), values[i]);
            }
        }
        T obj = model.newInstance(byName);
        for (int i = 0; i < values.length; i++) {
            attrs.get(i).set(obj, values[i]);
        }
        return obj;
    }
}
