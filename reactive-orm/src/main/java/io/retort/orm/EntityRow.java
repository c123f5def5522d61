package io.retort.orm;

import io.retort.core.InvalidRequestException;
import io.retort.core.Row;
import io.retort.sql.ColumnElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A row of a select run through a session that may mix entities and columns, SQLAlchemy's
 * {@code session.execute(select(User, Address.email))}: the entities come through the session's identity map (one
 * Java object per primary key), the columns read as in any Core {@link Row} (indexes and names refer to the SQL
 * result columns, so an entity occupies as many columns as it maps).
 *
 * <pre>{@code
 * session.execute(select(User.class, Address_.email).join(addresses))
 *        .map(EntityRow::of)
 *        .map(r -> r.entity(User.class).name() + " <" + r.get(Address_.email) + ">");
 * session.entityRows(select(User.class, Address_.email).join(addresses));   // Flux<EntityRow>, no cast
 * }</pre>
 */
public final class EntityRow implements Row {
    private final Row row;
    private final Class<?>[] types;
    private final Object[] entities;

    private EntityRow(Row row, Class<?>[] types, Object[] entities) {
        this.row = row;
        this.types = types;
        this.entities = entities;
    }

    /** Used by the session: the row, the mapped class of each entity slot, and the entities (null: no row). */
    public static EntityRow create(Row row, Class<?>[] types, Object[] entities) {
        return new EntityRow(row, types, entities);
    }

    /**
     * {@code row} as an EntityRow: every row that {@link Session#execute} emits for a select is one.
     *
     * @throws InvalidRequestException for a row that did not come from a session's select
     */
    public static EntityRow of(Row row) {
        if (row instanceof EntityRow e) {
            return e;
        }
        throw new InvalidRequestException("This row did not come from a select run through a session ("
                + row.getClass().getSimpleName()
                + "); run it with session.execute(select(...)) or session.entityRows(...)");
    }

    /**
     * The entity of {@code type} in this row (the first one when the select names the class twice); {@code null}
     * when an outer join found no row for it.
     *
     * <pre>{@code
     * User u = row.entity(User.class);
     * }</pre>
     *
     * @throws InvalidRequestException naming the entities the row has, when it has none of {@code type}
     */
    public <T> T entity(Class<T> type) {
        for (int k = 0; k < types.length; k++) {
            if (type.isAssignableFrom(types[k])) {
                return type.cast(entities[k]);
            }
        }
        if (types.length == 0) {
            throw new InvalidRequestException("This row has no entities (columns: " + row.columnNames()
                    + "); select a mapped class, e.g. select(" + type.getSimpleName() + ".class, ...)");
        }
        throw new InvalidRequestException("This row has no " + type.getSimpleName() + " (entities: "
                + Arrays.stream(types).map(Class::getSimpleName).toList() + ")");
    }

    /** The {@code n}-th entity of the row (zero-based, in select order). */
    public Object entity(int n) {
        if (n < 0 || n >= entities.length) {
            throw new InvalidRequestException("Entity index " + n + " out of range; the row has " + entities.length
                    + " entit" + (entities.length == 1 ? "y" : "ies"));
        }
        return entities[n];
    }

    /** The row's entities in select order ({@code null} for an outer-joined entity without a row). */
    public List<Object> entities() {
        return Collections.unmodifiableList(new ArrayList<>(Arrays.asList(entities)));
    }

    @Override
    public Object get(int index) {
        return row.get(index);
    }

    @Override
    public Object get(String name) {
        return row.get(name);
    }

    @Override
    public <T> T get(int index, Class<T> type) {
        return row.get(index, type);
    }

    @Override
    public <T> T get(String name, Class<T> type) {
        return row.get(name, type);
    }

    @Override
    public <T> T get(ColumnElement<T> column) {
        return row.get(column);
    }

    @Override
    public List<String> columnNames() {
        return row.columnNames();
    }

    @Override
    public int size() {
        return row.size();
    }

    @Override
    public Map<String, Object> asMap() {
        return row.asMap();
    }

    @Override
    public String toString() {
        return "EntityRow" + Arrays.toString(entities) + " " + row.asMap();
    }
}
