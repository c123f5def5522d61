package io.retort.core.internal;

import io.retort.core.InvalidRequestException;
import io.retort.core.Row;
import io.retort.sql.ColumnElement;
import io.retort.types.SqlType;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link Row} materialised into an array; the column names are shared by every row of one result. */
public final class ArrayRow implements Row {
    private final RowShape shape;
    private final Object[] values;

    public ArrayRow(RowShape shape, Object[] values) {
        this.shape = shape;
        this.values = values;
    }

    @Override
    public Object get(int index) {
        if (index < 0 || index >= values.length) {
            throw new InvalidRequestException("Column index " + index + " out of range; the row has " + values.length
                    + " columns " + shape.names());
        }
        return values[index];
    }

    @Override
    public Object get(String name) {
        return values[shape.indexOf(name)];
    }

    @Override
    public <T> T get(int index, Class<T> type) {
        return Conversions.convert(get(index), type, shape.names().get(index));
    }

    @Override
    public <T> T get(String name, Class<T> type) {
        int i = shape.indexOf(name);
        return Conversions.convert(values[i], type, shape.names().get(i));
    }

    @Override
    public <T> T get(ColumnElement<T> column) {
        int i = shape.indexOf(column);
        Object v = values[i];
        SqlType<T> type = column.type();
        if (v == null || type == null) {
            @SuppressWarnings("unchecked")
            T t = (T) v;
            return t;
        }
        if (type.javaType().isInstance(v)) {
            @SuppressWarnings("unchecked")
            T t = (T) v;
            return t;
        }
        try {
            // through the dialect's type map: MariaDB's CHAR(36) UUIDs, converters, arrays, JSON, intervals
            @SuppressWarnings("unchecked")
            T t = (T) shape.typeMap().fromDriver(type, v);
            return t;
        } catch (io.retort.core.TypeConversionException e) {
            throw new io.retort.core.TypeConversionException(
                    "Column '" + shape.names().get(i) + "' cannot be read as " + type + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> columnNames() {
        return shape.names();
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<String> names = shape.names();
        for (int i = 0; i < values.length; i++) {
            m.put(names.get(i), values[i]);
        }
        return Collections.unmodifiableMap(m);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArrayRow r && r.shape.names().equals(shape.names()) && Arrays.equals(r.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }
}
