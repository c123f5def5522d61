package io.retort.schema;

import io.retort.core.InvalidRequestException;
import io.retort.dialect.Dialect;
import io.retort.types.EnumType;
import io.retort.types.SqlType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which a MetaData's objects are created and dropped: tables sorted by foreign-key dependency,
 * foreign keys that close a cycle (or ask for it) deferred to ALTER TABLE after the tables.
 */
final class SchemaPlan {
    final List<Table> order;
    final Map<Table, Set<ForeignKeyConstraint>> deferred = new LinkedHashMap<>();

    private SchemaPlan(List<Table> order) {
        this.order = order;
    }

    static SchemaPlan of(MetaData metadata) {
        List<Table> tables = metadata.tables();
        for (Table t : tables) {
            for (ForeignKeyConstraint fk : t.foreignKeys()) {
                metadata.validateForeignKey(t, fk);
            }
        }
        Map<Table, Set<Table>> deps = new LinkedHashMap<>();
        SchemaPlan plan = new SchemaPlan(new ArrayList<>());
        for (Table t : tables) {
            Set<Table> d = new LinkedHashSet<>();
            for (ForeignKeyConstraint fk : t.foreignKeys()) {
                Table ref = metadata.table(fk.referredTable());
                if (fk.isUseAlter()) {
                    plan.defer(t, fk);
                } else if (ref != t) {
                    d.add(ref);
                }
            }
            deps.put(t, d);
        }
        List<Table> remaining = new ArrayList<>(tables);
        while (!remaining.isEmpty()) {
            Table next = null;
            for (Table t : remaining) {
                if (plan.order.containsAll(deps.get(t))) {
                    next = t;
                    break;
                }
            }
            if (next != null) {
                plan.order.add(next);
                remaining.remove(next);
                continue;
            }
            // a cycle among the remaining tables: their keys to one another are created after the tables
            Set<Table> rest = new LinkedHashSet<>(remaining);
            for (Table t : remaining) {
                for (ForeignKeyConstraint fk : t.foreignKeys()) {
                    Table ref = metadata.table(fk.referredTable());
                    if (ref != t && rest.contains(ref)) {
                        plan.defer(t, fk);
                        deps.get(t).remove(ref);
                    }
                }
            }
        }
        return plan;
    }

    private void defer(Table t, ForeignKeyConstraint fk) {
        deferred.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(fk);
    }

    /** A deferred key's name: its own, or {@code fk_<table>_<column>_<referred table>} so it can be dropped. */
    static ForeignKeyConstraint named(Table t, ForeignKeyConstraint fk) {
        if (fk.name() != null) {
            return fk;
        }
        String ref = fk.referredTable().substring(fk.referredTable().lastIndexOf('.') + 1);
        return fk.named(
                NamingConvention.truncate("fk_" + t.name() + "_" + fk.columns().get(0) + "_" + ref));
    }

    /** The native enum types the tables use, for dialects where they are separate objects. */
    static List<EnumType<?>> nativeEnums(List<Table> tables) {
        Map<String, EnumType<?>> out = new LinkedHashMap<>();
        for (Table t : tables) {
            for (Column<?> c : t.columns()) {
                SqlType<?> st = c.type().storageType();
                if (st instanceof EnumType<?> e && e.isNative()) {
                    String key = (t.schema() == null ? "" : t.schema() + ".") + e.typeName();
                    EnumType<?> prev = out.putIfAbsent(key, e);
                    if (prev != null && !prev.values().equals(e.values())) {
                        throw new InvalidRequestException("Native enum type '" + e.typeName() + "' is used with values "
                                + prev.values() + " and " + e.values() + " (column " + c + ")");
                    }
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /** The statements that create everything missing, in order. */
    List<DdlStatement> create(
            Dialect dialect,
            MetaData metadata,
            Set<String> existingTables,
            Set<String> existingSequences,
            Set<String> existingTypes) {
        List<DdlStatement> out = new ArrayList<>();
        List<Table> created = new ArrayList<>();
        for (Table t : order) {
            if (!existingTables.contains(t.key())) {
                created.add(t);
            }
        }
        if (dialect.ddlCompiler().enumsAreSchemaTypes()) {
            Set<String> seen = new LinkedHashSet<>();
            for (Table t : created) {
                for (EnumType<?> e : nativeEnums(List.of(t))) {
                    String key = (t.schema() == null ? "" : t.schema() + ".") + e.typeName();
                    if (!existingTypes.contains(key) && seen.add(key)) {
                        out.add(new DdlStatement.CreateEnumType(t.schema(), e));
                    }
                }
            }
        }
        for (Sequence s : metadata.sequences()) {
            if (!existingSequences.contains(s.key())) {
                out.add(new DdlStatement.CreateSequence(s));
            }
        }
        for (Table t : created) {
            Set<ForeignKeyConstraint> def = deferred.getOrDefault(t, Set.of());
            out.add(new DdlStatement.CreateTable(t, def));
            if (!dialect.ddlCompiler().inlineComments()) {
                for (Column<?> c : t.columns()) {
                    if (c.comment() != null) {
                        out.add(new DdlStatement.SetColumnComment(c));
                    }
                }
            }
            for (Index i : t.indexes()) {
                out.add(new DdlStatement.CreateIndex(t, i));
            }
        }
        for (Table t : created) {
            for (ForeignKeyConstraint fk : deferred.getOrDefault(t, Set.of())) {
                out.add(new DdlStatement.AddForeignKey(t, named(t, fk)));
            }
        }
        return out;
    }

    /** The statements that drop everything that exists, in order. */
    List<DdlStatement> drop(
            Dialect dialect,
            MetaData metadata,
            Set<String> existingTables,
            Set<String> existingSequences,
            Set<String> existingTypes) {
        List<DdlStatement> out = new ArrayList<>();
        for (Map.Entry<Table, Set<ForeignKeyConstraint>> e : deferred.entrySet()) {
            Table t = e.getKey();
            if (!existingTables.contains(t.key())) {
                continue;
            }
            for (ForeignKeyConstraint fk : e.getValue()) {
                if (existingTables.contains(metadata.table(fk.referredTable()).key())) {
                    out.add(new DdlStatement.DropForeignKey(t, named(t, fk)));
                }
            }
        }
        List<Table> dropped = new ArrayList<>();
        for (int i = order.size() - 1; i >= 0; i--) {
            Table t = order.get(i);
            if (existingTables.contains(t.key())) {
                out.add(new DdlStatement.DropTable(t));
                dropped.add(t);
            }
        }
        for (Sequence s : metadata.sequences()) {
            if (existingSequences.contains(s.key())) {
                out.add(new DdlStatement.DropSequence(s));
            }
        }
        if (dialect.ddlCompiler().enumsAreSchemaTypes()) {
            Set<String> seen = new LinkedHashSet<>();
            for (Table t : dropped) {
                for (EnumType<?> e : nativeEnums(List.of(t))) {
                    String key = (t.schema() == null ? "" : t.schema() + ".") + e.typeName();
                    if (existingTypes.contains(key) && seen.add(key)) {
                        out.add(new DdlStatement.DropEnumType(t.schema(), e));
                    }
                }
            }
        }
        return out;
    }
}
