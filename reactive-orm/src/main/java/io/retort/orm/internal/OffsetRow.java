package io.retort.orm.internal;

import io.retort.core.Row;
import io.retort.sql.ColumnElement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A view of the columns of a row from {@code offset} on (an entity's columns inside a mixed row). */
final class OffsetRow implements Row {
    private final Row row;
    private final int offset;

    OffsetRow(Row row, int offset) {
        this.row = row;
        this.offset = offset;
    }

    @Override
    public Object get(int index) {
        return row.get(index + offset);
    }

    @Override
    public Object get(String name) {
        return row.get(name);
    }

    @Override
    public <T> T get(int index, Class<T> type) {
        return row.get(index + offset, type);
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
        List<String> all = row.columnNames();
        return all.subList(offset, all.size());
    }

    @Override
    public int size() {
        return row.size() - offset;
    }

    @Override
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<String> names = columnNames();
        for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), get(i));
        }
        return m;
    }

    /** The columns from {@code offset} on of {@code row}. */
    static Row of(Row row, int offset) {
        return offset == 0 ? row : new OffsetRow(row, offset);
    }
}
