package io.retort.orm.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What happened to the session's objects inside one transaction or savepoint, so that rolling it back can
 * put the objects back as the database has them.
 */
final class Frame {
    /** The savepoint's name, or {@code null} for the transaction itself. */
    final String savepoint;
    /** Objects added while this frame was innermost. */
    final Set<InstanceState> added = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Objects inserted by a flush in this frame. */
    final List<InstanceState> inserted = new ArrayList<>();
    /** Objects marked deleted in this frame (flushed or not). */
    final Set<InstanceState> deleted = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Objects whose DELETE was flushed in this frame. */
    final List<InstanceState> deletedFlushed = new ArrayList<>();
    /** The values objects had before their first UPDATE flushed in this frame. */
    final Map<InstanceState, Object[]> before = new IdentityHashMap<>();
    /** Ids and versions assigned by this frame's flushes (generated ids, client UUIDs, initial versions). */
    final Map<InstanceState, Object[]> assigned = new IdentityHashMap<>();

    Frame(String savepoint) {
        this.savepoint = savepoint;
    }

    /** Folds a released savepoint's records into this (its parent) frame. */
    void absorb(Frame child) {
        added.addAll(child.added);
        inserted.addAll(child.inserted);
        deleted.addAll(child.deleted);
        deletedFlushed.addAll(child.deletedFlushed);
        child.before.forEach(before::putIfAbsent);
        child.assigned.forEach(assigned::putIfAbsent);
    }
}
