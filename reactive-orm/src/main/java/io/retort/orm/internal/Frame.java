package io.retort.orm.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What happened to the session's objects inside one transaction or savepoint, so that rolling it back can
 * put the objects back as the database has them. The collections are allocated on first use (a session that only
 * reads never fills them); read them freely, change them through the methods.
 */
final class Frame {
    /** The savepoint's name, or {@code null} for the transaction itself. */
    final String savepoint;
    /** Objects added while this frame was innermost. */
    Set<InstanceState> added = Set.of();
    /** Objects inserted by a flush in this frame. */
    List<InstanceState> inserted = List.of();
    /** Objects marked deleted in this frame (flushed or not). */
    Set<InstanceState> deleted = Set.of();
    /** Objects whose DELETE was flushed in this frame. */
    List<InstanceState> deletedFlushed = List.of();
    /** The values objects had before their first UPDATE flushed in this frame. */
    Map<InstanceState, Object[]> before = Map.of();
    /** Ids and versions assigned by this frame's flushes (generated ids, client UUIDs, initial versions). */
    Map<InstanceState, Object[]> assigned = Map.of();

    Frame(String savepoint) {
        this.savepoint = savepoint;
    }

    private static Set<InstanceState> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    void added(InstanceState s) {
        if (added.isEmpty()) {
            added = identitySet();
        }
        added.add(s);
    }

    void deleted(InstanceState s) {
        if (deleted.isEmpty()) {
            deleted = identitySet();
        }
        deleted.add(s);
    }

    /** Forgets {@code s} as added or deleted here (it left the session). */
    void forget(InstanceState s) {
        if (!added.isEmpty()) {
            added.remove(s);
        }
        if (!deleted.isEmpty()) {
            deleted.remove(s);
        }
    }

    void undeleted(InstanceState s) {
        if (!deleted.isEmpty()) {
            deleted.remove(s);
        }
    }

    void inserted(InstanceState s) {
        if (inserted.isEmpty()) {
            inserted = new ArrayList<>();
        }
        inserted.add(s);
    }

    void deletedFlushed(InstanceState s) {
        if (deletedFlushed.isEmpty()) {
            deletedFlushed = new ArrayList<>();
        }
        deletedFlushed.add(s);
    }

    /** Records the values {@code s} had before its first UPDATE in this frame (later ones keep the first). */
    void before(InstanceState s, Object[] values) {
        if (before.isEmpty()) {
            before = new IdentityHashMap<>();
        }
        before.putIfAbsent(s, values);
    }

    void assigned(InstanceState s, Object[] values) {
        if (assigned.isEmpty()) {
            assigned = new IdentityHashMap<>();
        }
        assigned.put(s, values);
    }

    /** Folds a released savepoint's records into this (its parent) frame. */
    void absorb(Frame child) {
        child.added.forEach(this::added);
        child.inserted.forEach(this::inserted);
        child.deleted.forEach(this::deleted);
        child.deletedFlushed.forEach(this::deletedFlushed);
        child.before.forEach(this::before);
        child.assigned.forEach((s, v) -> {
            if (!assigned.containsKey(s)) {
                assigned(s, v);
            }
        });
    }
}
