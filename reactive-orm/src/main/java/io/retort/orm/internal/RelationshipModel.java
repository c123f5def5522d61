package io.retort.orm.internal;

import io.retort.orm.MappingException;
import io.retort.orm.mapping.Cascade;
import io.retort.orm.mapping.Strategy;
import io.retort.schema.Table;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.util.EnumSet;
import java.util.Set;

/** One relationship attribute of an entity: its kind, target, holder, cascades and default loading strategy. */
public final class RelationshipModel {

    /** The shape of the relationship. */
    public enum Kind {
        /** This table holds the foreign key (also the owning side of a one-to-one). */
        MANY_TO_ONE,
        /** The target's table holds the foreign key (also the inverse side of a one-to-one). */
        ONE_TO_MANY,
        /** Rows of an association table link the two. */
        MANY_TO_MANY
    }

    /** How the field holds the relationship. */
    public enum Holder {
        LAZY,
        LAZY_LIST,
        PLAIN_LIST
    }

    final EntityModel<?> owner;
    final String name;
    final Field field;
    final MethodHandle getter;
    final MethodHandle setter;
    final Kind kind;
    final Holder holder;
    final Class<?> targetType;
    final String mappedBy;
    final Set<Cascade> cascade;
    final Strategy strategy;
    final String orderBy;
    final boolean passiveDeletes;
    // MANY_TO_ONE
    final String joinColumn;
    final boolean nullable;
    final boolean unique;
    final boolean onDeleteCascade;
    // MANY_TO_MANY (owning side)
    final String joinTable;
    final String joinTableOwnerColumn;
    final String joinTableTargetColumn;

    EntityModel<?> target;
    RelationshipModel inverse;
    AttributeModel foreignKey; // MANY_TO_ONE: the owner's FK attribute (the first one when composite)
    java.util.List<AttributeModel> foreignKeys = java.util.List.of(); // MANY_TO_ONE: one per target id attribute
    java.util.List<String> joinColumns = java.util.List.of(); // composite: declared column names
    java.util.List<String> referencedColumns = java.util.List.of(); // composite: the target's columns they refer to
    Table association; // MANY_TO_MANY

    RelationshipModel(
            EntityModel<?> owner,
            String name,
            Field field,
            MethodHandle getter,
            MethodHandle setter,
            Kind kind,
            Holder holder,
            Class<?> targetType,
            String mappedBy,
            Cascade[] cascade,
            Strategy strategy,
            String orderBy,
            boolean passiveDeletes,
            String joinColumn,
            boolean nullable,
            boolean unique,
            boolean onDeleteCascade,
            String joinTable,
            String joinTableOwnerColumn,
            String joinTableTargetColumn) {
        this.owner = owner;
        this.name = name;
        this.field = field;
        this.getter = getter;
        this.setter = setter;
        this.kind = kind;
        this.holder = holder;
        this.targetType = targetType;
        this.mappedBy = mappedBy == null || mappedBy.isEmpty() ? null : mappedBy;
        EnumSet<Cascade> c = EnumSet.noneOf(Cascade.class);
        if (cascade.length == 0) {
            c.add(Cascade.SAVE_UPDATE);
            c.add(Cascade.MERGE);
        }
        for (Cascade x : cascade) {
            if (x == Cascade.ALL) {
                c.addAll(EnumSet.of(
                        Cascade.SAVE_UPDATE, Cascade.MERGE, Cascade.DELETE, Cascade.REFRESH, Cascade.EXPUNGE));
            } else {
                c.add(x);
            }
        }
        this.cascade = c;
        this.strategy = strategy;
        this.orderBy = orderBy == null || orderBy.isEmpty() ? null : orderBy;
        this.passiveDeletes = passiveDeletes;
        this.joinColumn = joinColumn;
        this.nullable = nullable;
        this.unique = unique;
        this.onDeleteCascade = onDeleteCascade;
        this.joinTable = joinTable;
        this.joinTableOwnerColumn = joinTableOwnerColumn;
        this.joinTableTargetColumn = joinTableTargetColumn;
    }

    public String name() {
        return name;
    }

    public EntityModel<?> owner() {
        return owner;
    }

    public EntityModel<?> target() {
        return target;
    }

    public Kind kind() {
        return kind;
    }

    public Holder holder() {
        return holder;
    }

    public RelationshipModel inverse() {
        return inverse;
    }

    public AttributeModel foreignKey() {
        return foreignKey;
    }

    /** The foreign-key attributes, one per target id attribute (a single one for a simple key). */
    public java.util.List<AttributeModel> foreignKeys() {
        return foreignKeys;
    }

    public Strategy strategy() {
        return strategy;
    }

    public boolean cascades(Cascade c) {
        return cascade.contains(c);
    }

    public boolean isToOne() {
        return holder == Holder.LAZY;
    }

    /** The holder object in {@code entity}'s field (may be null for a field never initialised). */
    public Object holderOf(Object entity) {
        try {
            return getter.invokeExact(entity);
        } catch (Throwable t) {
            throw new MappingException("Cannot read " + this + ": " + t, t);
        }
    }

    /** Writes the field. */
    public void setHolder(Object entity, Object holder) {
        try {
            setter.invokeExact(entity, holder);
        } catch (Throwable t) {
            throw new MappingException("Cannot write " + this + ": " + t, t);
        }
    }

    /** One table to join to follow this relationship from its owner, and the ON condition. */
    public record JoinStep(Table table, io.retort.sql.ColumnElement<Boolean> on) {}

    /** The joins from the owner's table to the target's: one, or two through an association table. */
    public java.util.List<JoinStep> joinSteps() {
        switch (kind) {
            case MANY_TO_ONE:
                return java.util.List.of(new JoinStep(
                        target.table(),
                        Relationships.pairwiseEq(
                                Relationships.columnsOf(Relationships.referenced(this)),
                                Relationships.columnsOf(foreignKeys))));
            case ONE_TO_MANY:
                return java.util.List.of(new JoinStep(
                        target.table(),
                        Relationships.pairwiseEq(
                                Relationships.columnsOf(inverse.foreignKeys),
                                Relationships.columnsOf(Relationships.referenced(inverse)))));
            default:
                RelationshipModel def = joinTable != null ? this : inverse;
                String ownerCol = joinTable != null ? def.joinTableOwnerColumn : def.joinTableTargetColumn;
                String targetCol = joinTable != null ? def.joinTableTargetColumn : def.joinTableOwnerColumn;
                return java.util.List.of(
                        new JoinStep(
                                def.association,
                                Relationships.column(owner.ids().get(0)).eq(def.association.c(ownerCol))),
                        new JoinStep(
                                target.table(),
                                Relationships.column(target.ids().get(0)).eq(def.association.c(targetCol))));
        }
    }

    @Override
    public String toString() {
        return owner.type().getSimpleName() + "." + name;
    }
}
