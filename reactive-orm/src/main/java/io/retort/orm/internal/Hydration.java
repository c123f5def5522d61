package io.retort.orm.internal;

import io.retort.core.Row;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds objects from rows without a session: the detached objects of a streaming query. */
public final class Hydration {
    private Hydration() {}

    /** A new object of {@code model} from the row's columns starting at {@code offset} (in attribute order). */
    public static <T> T detached(EntityModel<T> model, Row row, int offset) {
        return detached(model, model.attributes(), row, offset);
    }

    /** {@link #detached(EntityModel, Row, int)} with the model's attribute list resolved once by the caller. */
    public static <T> T detached(EntityModel<T> model, List<AttributeModel> attrs, Row row, int offset) {
        Object[] values = new Object[attrs.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = attrs.get(i).fromColumnValue(row.get(offset + i));
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
