package io.retort.orm.internal;

import io.retort.core.Row;
import io.retort.orm.EntityRow;
import io.retort.schema.Column;
import io.retort.sql.ColumnElement;
import io.retort.sql.Select;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the entities in a select's columns ({@code select(User.class, Address_.email)} lists User's mapped
 * columns, in attribute order, then the email column) and turns its rows into {@link EntityRow}s whose entities
 * come through the session's identity map. Resolved once per statement, not per row.
 */
public final class EntityRows {
    /** An entity's columns inside the row: its model and its first column's index. */
    public record Slot(EntityModel<?> model, int offset, int idIndex) {
        Slot(EntityModel<?> model, int offset) {
            this(model, offset, offset + model.attributes().indexOf(model.ids().get(0)));
        }
    }

    private final List<Slot> slots;
    private final Class<?>[] types;

    private EntityRows(List<Slot> slots) {
        this.slots = slots;
        this.types = slots.stream().map(s -> s.model().type()).toArray(Class<?>[]::new);
    }

    /** The entity slots of {@code select}: every run of columns equal to a mapped class's columns. */
    public static EntityRows of(MapperRegistry registry, Select select) {
        List<ColumnElement<?>> cols = select.selectedColumns();
        List<Slot> slots = new ArrayList<>();
        int i = 0;
        while (i < cols.size()) {
            EntityModel<?> m =
                    cols.get(i) instanceof Column<?> c && c.table() != null ? registry.modelOfTable(c.table()) : null;
            if (m != null && matches(m, cols, i)) {
                slots.add(new Slot(m, i));
                i += m.attributes().size();
            } else {
                i++;
            }
        }
        return new EntityRows(List.copyOf(slots));
    }

    private static boolean matches(EntityModel<?> m, List<ColumnElement<?>> cols, int from) {
        List<AttributeModel> attrs = m.attributes();
        if (from + attrs.size() > cols.size()) {
            return false;
        }
        for (int k = 0; k < attrs.size(); k++) {
            if (cols.get(from + k) != attrs.get(k).column()) {
                return false;
            }
        }
        return true;
    }

    public List<Slot> slots() {
        return slots;
    }

    /** The row with its entities hydrated through {@code session} (identity map, snapshots). */
    public EntityRow hydrate(DefaultSession session, Row row) {
        Object[] entities = new Object[slots.size()];
        for (int k = 0; k < entities.length; k++) {
            Slot s = slots.get(k);
            // an outer-joined entity without a row is null
            entities[k] = row.get(s.idIndex()) == null ? null : session.hydrate(s.model(), row, s.offset(), false);
        }
        return EntityRow.create(row, types, entities);
    }
}
