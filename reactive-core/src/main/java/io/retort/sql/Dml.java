package io.retort.sql;

import io.retort.core.InvalidRequestException;
import io.retort.schema.Column;
import io.retort.schema.Table;
import io.retort.sql.internal.Nodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers the DML statements share. */
final class Dml {
    private Dml() {}

    static Column<?> column(Table table, Object key) {
        if (key instanceof Column<?> c) {
            if (c.table() != table) {
                throw new InvalidRequestException("Column " + c + " does not belong to table '" + table.name() + "'");
            }
            return c;
        }
        if (key instanceof String s) {
            return table.c(s);
        }
        throw new InvalidRequestException(
                "Value keys are column names or Columns of '" + table.name() + "', not " + key);
    }

    static ColumnElement<?> value(Column<?> column, Object v) {
        if (v == null) {
            return new Nodes.Bind<>(null, column.type());
        }
        return Nodes.coerce(v, column);
    }

    /** The map's entries as (column, expression), in the table's column order. */
    static Map<Column<?>, ColumnElement<?>> assignments(Table table, Map<?, ?> values) {
        Map<Column<?>, Object> byColumn = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : values.entrySet()) {
            byColumn.put(column(table, e.getKey()), e.getValue());
        }
        Map<Column<?>, ColumnElement<?>> out = new LinkedHashMap<>();
        for (Column<?> c : table.columns()) {
            if (byColumn.containsKey(c)) {
                out.put(c, value(c, byColumn.get(c)));
            }
        }
        return out;
    }

    static List<ColumnElement<?>> returning(Table table, Object... items) {
        List<ColumnElement<?>> out = new ArrayList<>();
        for (Object o : items) {
            if (o instanceof Table t) {
                out.addAll(t.columns());
            } else if (o instanceof ColumnElement<?> c) {
                out.add(c);
            } else if (o instanceof String s) {
                out.add(table.c(s));
            } else {
                throw new IllegalArgumentException("returning() takes columns, names or the table, not " + o);
            }
        }
        return out;
    }
}
