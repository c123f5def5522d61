package io.retort.orm.internal;

import io.retort.orm.ObjectState;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a session knows about one object: its state, identity and the snapshot of its column values as last
 * loaded or flushed (dirty tracking compares against it).
 */
public final class InstanceState {
    private final Object object;
    private final EntityModel<?> model;
    private ObjectState state;
    private EntityKey key;
    private Object[] snapshot;
    private boolean expired;
    private long sequence;
    private java.util.Map<RelationshipModel, java.util.Set<Object>> m2m;

    public InstanceState(Object object, EntityModel<?> model, ObjectState state) {
        this.object = object;
        this.model = model;
        this.state = state;
    }

    public Object object() {
        return object;
    }

    public EntityModel<?> model() {
        return model;
    }

    public ObjectState state() {
        return state;
    }

    public void state(ObjectState s) {
        this.state = s;
    }

    public EntityKey key() {
        return key;
    }

    public void key(EntityKey k) {
        this.key = k;
    }

    /** The target ids of a many-to-many relationship as last loaded or flushed, or {@code null}. */
    public java.util.Set<Object> m2m(RelationshipModel r) {
        return m2m == null ? null : m2m.get(r);
    }

    public void m2m(RelationshipModel r, java.util.Set<Object> ids) {
        if (m2m == null) {
            m2m = new java.util.HashMap<>();
        }
        m2m.put(r, ids);
    }

    /** The order in which the object was added to its session (inserts follow it). */
    public long sequence() {
        return sequence;
    }

    public void sequence(long n) {
        this.sequence = n;
    }

    public boolean isExpired() {
        return expired;
    }

    public void expired(boolean e) {
        this.expired = e;
    }

    /** Remembers the current attribute values as the clean state. */
    public void takeSnapshot() {
        List<AttributeModel> attrs = model.attributes();
        Object[] s = new Object[attrs.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = copy(attrs.get(i).get(object));
        }
        this.snapshot = s;
        this.expired = false;
    }

    /** Sets the clean state to {@code values} (the row as read), leaving the object as it is. */
    public void snapshot(Object[] values) {
        Object[] s = new Object[values.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = copy(values[i]);
        }
        this.snapshot = s;
        this.expired = false;
    }

    /**
     * Takes {@code values} (an array nobody else keeps: the row as read) as the clean state without copying it;
     * only byte arrays, which the object shares, are cloned.
     */
    public void adoptSnapshot(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof byte[] b) {
                values[i] = b.clone();
            }
        }
        this.snapshot = values;
        this.expired = false;
    }

    /** The snapshot value of the attribute at {@code index}, or {@code null} without a snapshot. */
    public Object snapshotValue(int index) {
        return snapshot == null ? null : snapshot[index];
    }

    /** Sets the snapshot value of the attribute at {@code index} (a value the database now holds). */
    public void snapshotValue(int index, Object value) {
        if (snapshot != null) {
            snapshot[index] = copy(value);
        }
    }

    public boolean hasSnapshot() {
        return snapshot != null;
    }

    /** Restores the snapshot into the object (used when a savepoint or transaction rolls back). */
    public void restoreSnapshot() {
        if (snapshot == null) {
            return;
        }
        List<AttributeModel> attrs = model.attributes();
        for (int i = 0; i < snapshot.length; i++) {
            attrs.get(i).set(object, copy(snapshot[i]));
        }
    }

    /**
     * The indexes (into {@code model.attributes()}) of updatable attributes whose value differs from the
     * snapshot; empty when nothing changed.
     */
    public int[] changedAttributes() {
        if (snapshot == null) {
            return new int[0];
        }
        List<AttributeModel> attrs = model.attributes();
        int[] out = new int[attrs.size()];
        int n = 0;
        for (int i = 0; i < out.length; i++) {
            AttributeModel a = attrs.get(i);
            if (a.isId() || a.isVersion() || !a.isUpdatable()) {
                continue;
            }
            if (!same(snapshot[i], a.get(object))) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        return Objects.equals(a, b);
    }

    private static Object copy(Object v) {
        return v instanceof byte[] b ? b.clone() : v;
    }

    @Override
    public String toString() {
        return model.type().getSimpleName()
                + (key == null ? "(new)" : key.values().toString()) + " " + state;
    }
}
