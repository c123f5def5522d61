package io.retort.orm.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ordered work of one flush: INSERT groups (parents before children), UPDATE groups, DELETE groups
 * (children before parents). Rows of one table with the same column shape form one group, written as one
 * statement (or one batch) by the persistence layer.
 */
public final class FlushPlan {

    /** New rows of one table, in dependency order. */
    public record InsertGroup(EntityModel<?> model, List<InstanceState> rows) {}

    /** Changed rows of one table that change the same attributes (indexes into the model's attributes). */
    public record UpdateGroup(EntityModel<?> model, int[] attributes, List<InstanceState> rows) {}

    /** Rows of one table to delete. */
    public record DeleteGroup(EntityModel<?> model, List<InstanceState> rows) {}

    private final List<InsertGroup> inserts;
    private final List<UpdateGroup> updates;
    private final List<DeleteGroup> deletes;

    private FlushPlan(List<InsertGroup> inserts, List<UpdateGroup> updates, List<DeleteGroup> deletes) {
        this.inserts = inserts;
        this.updates = updates;
        this.deletes = deletes;
    }

    public List<InsertGroup> inserts() {
        return inserts;
    }

    public List<UpdateGroup> updates() {
        return updates;
    }

    public List<DeleteGroup> deletes() {
        return deletes;
    }

    public boolean isEmpty() {
        return inserts.isEmpty() && updates.isEmpty() && deletes.isEmpty();
    }

    /**
     * Plans a flush.
     *
     * @param models every mapped model (for table order)
     * @param pending objects to insert, in the order they were added
     * @param persistent loaded objects (checked for changes)
     * @param deleted objects to delete
     */
    public static FlushPlan plan(
            Collection<EntityModel<?>> models,
            Collection<InstanceState> pending,
            Collection<InstanceState> persistent,
            Collection<InstanceState> deleted) {
        List<EntityModel<?>> order = ordered(models);

        Map<EntityModel<?>, List<InstanceState>> newByModel = byModel(pending);
        List<InsertGroup> inserts = new ArrayList<>();
        for (EntityModel<?> m : order) {
            List<InstanceState> rows = newByModel.get(m);
            if (rows != null) {
                inserts.add(new InsertGroup(m, selfReferenceOrder(m, rows)));
            }
        }

        Map<EntityModel<?>, Map<String, UpdateGroup>> updByModel = new HashMap<>();
        for (InstanceState s : persistent) {
            int[] changed = s.changedAttributes();
            if (changed.length == 0) {
                continue;
            }
            String shape = Arrays.toString(changed);
            updByModel
                    .computeIfAbsent(s.model(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(shape, k -> new UpdateGroup(s.model(), changed, new ArrayList<>()))
                    .rows()
                    .add(s);
        }
        List<UpdateGroup> updates = new ArrayList<>();
        for (EntityModel<?> m : order) {
            Map<String, UpdateGroup> groups = updByModel.get(m);
            if (groups != null) {
                for (UpdateGroup g : groups.values()) {
                    // rows in primary-key order: concurrent flushes lock rows in the same order (no deadlock)
                    g.rows().sort(BY_KEY);
                    updates.add(g);
                }
            }
        }

        Map<EntityModel<?>, List<InstanceState>> delByModel = byModel(deleted);
        List<DeleteGroup> deletes = new ArrayList<>();
        for (int i = order.size() - 1; i >= 0; i--) {
            List<InstanceState> rows = delByModel.get(order.get(i));
            if (rows != null) {
                List<InstanceState> sorted = new ArrayList<>(rows);
                sorted.sort(BY_KEY);
                List<InstanceState> ordered = new ArrayList<>(selfReferenceOrder(order.get(i), sorted));
                java.util.Collections.reverse(ordered);
                deletes.add(new DeleteGroup(order.get(i), ordered));
            }
        }
        return new FlushPlan(List.copyOf(inserts), List.copyOf(updates), List.copyOf(deletes));
    }

    /** Primary-key order (values compared when comparable, else left as they are). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static final java.util.Comparator<InstanceState> BY_KEY = (a, b) -> {
        if (a.key() == null || b.key() == null) {
            return 0;
        }
        List<Object> x = a.key().values();
        List<Object> y = b.key().values();
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            if (x.get(i) instanceof Comparable cx
                    && y.get(i) != null
                    && x.get(i).getClass() == y.get(i).getClass()) {
                int c = cx.compareTo(y.get(i));
                if (c != 0) {
                    return c;
                }
            }
        }
        return 0;
    };

    /** {@code models} in table order; a list from {@link MapperRegistry#flushOrder()} is already ordered. */
    private static List<EntityModel<?>> ordered(Collection<EntityModel<?>> models) {
        return models instanceof MapperRegistry.FlushOrder o ? o.models() : tableOrder(models);
    }

    private static Map<EntityModel<?>, List<InstanceState>> byModel(Collection<InstanceState> states) {
        Map<EntityModel<?>, List<InstanceState>> m = new IdentityHashMap<>();
        for (InstanceState s : states) {
            m.computeIfAbsent(s.model(), k -> new ArrayList<>()).add(s);
        }
        return m;
    }

    /**
     * Models ordered so that a table referenced by a foreign key comes before the tables referencing it
     * (Kahn's algorithm; ties keep mapping order; tables in a cycle keep mapping order after the rest).
     */
    public static List<EntityModel<?>> tableOrder(Collection<EntityModel<?>> models) {
        Map<String, EntityModel<?>> byTable = new LinkedHashMap<>();
        for (EntityModel<?> m : models) {
            byTable.put(m.tableName(), m);
        }
        Map<EntityModel<?>, Set<EntityModel<?>>> dependsOn = new LinkedHashMap<>();
        for (EntityModel<?> m : models) {
            Set<EntityModel<?>> deps = new LinkedHashSet<>();
            for (io.retort.schema.ForeignKeyConstraint fk : m.table().foreignKeys()) {
                EntityModel<?> target = byTable.get(fk.referredTable());
                if (target != null && target != m) {
                    deps.add(target);
                }
            }
            dependsOn.put(m, deps);
        }
        List<EntityModel<?>> out = new ArrayList<>();
        Set<EntityModel<?>> done = new HashSet<>();
        boolean progress = true;
        while (out.size() < models.size() && progress) {
            progress = false;
            for (EntityModel<?> m : dependsOn.keySet()) {
                if (!done.contains(m) && done.containsAll(dependsOn.get(m))) {
                    out.add(m);
                    done.add(m);
                    progress = true;
                }
            }
        }
        for (EntityModel<?> m : dependsOn.keySet()) {
            if (!done.contains(m)) {
                out.add(m);
            }
        }
        return out;
    }

    /** Rows of a self-referencing table ordered so a parent row comes before the rows that point to it. */
    static List<InstanceState> selfReferenceOrder(EntityModel<?> m, List<InstanceState> rows) {
        if (m.ids().size() != 1 || rows.size() < 2) {
            return rows;
        }
        List<AttributeModel> selfRefs = new ArrayList<>();
        AttributeModel id = m.ids().get(0);
        for (AttributeModel a : m.attributes()) {
            String ref = a.column().references();
            if (ref != null && ref.equals(m.tableName() + "." + id.columnName())) {
                selfRefs.add(a);
            }
        }
        if (selfRefs.isEmpty()) {
            return rows;
        }
        Map<Object, InstanceState> byId = new HashMap<>();
        for (InstanceState s : rows) {
            Object v = id.get(s.object());
            if (v != null) {
                byId.put(v, s);
            }
        }
        List<InstanceState> out = new ArrayList<>(rows.size());
        Set<InstanceState> visited = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (InstanceState s : rows) {
            visit(s, selfRefs, byId, visited, out, 0);
        }
        return out;
    }

    private static void visit(
            InstanceState s,
            List<AttributeModel> refs,
            Map<Object, InstanceState> byId,
            Set<InstanceState> visited,
            List<InstanceState> out,
            int depth) {
        if (!visited.add(s)) {
            return;
        }
        if (depth < 10_000) {
            for (AttributeModel r : refs) {
                Object parentId = r.get(s.object());
                InstanceState parent = parentId == null ? null : byId.get(parentId);
                if (parent != null && parent != s) {
                    visit(parent, refs, byId, visited, out, depth + 1);
                }
            }
        }
        out.add(s);
    }
}
