package io.retort.core.internal;

import io.r2dbc.spi.Blob;
import io.r2dbc.spi.Clob;
import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.RowMetadata;
import io.retort.core.InvalidRequestException;
import io.retort.core.Row;
import io.retort.dialect.Dialect;
import io.retort.sql.ColumnElement;
import io.retort.sql.KeyBuilder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The column names of one result, and how to read each column so the value survives the driver's row
 * (LOBs are read as String / byte[]). Computed once per result, shared by its rows.
 */
public final class RowShape {
    private final List<String> names;
    private final Map<String, Integer> exact = new HashMap<>();
    private final Map<String, Integer> folded = new HashMap<>();
    private final Class<?>[] readAs;

    private final List<Object> resultKeys;

    private RowShape(List<String> names, Class<?>[] readAs, List<Object> resultKeys) {
        this.names = names;
        this.resultKeys = resultKeys != null && resultKeys.size() == names.size() ? resultKeys : null;
        this.readAs = readAs;
        for (int i = names.size() - 1; i >= 0; i--) {
            exact.put(names.get(i), i);
            folded.put(names.get(i).toLowerCase(Locale.ROOT), i);
        }
    }

    public static RowShape of(RowMetadata metadata, Dialect dialect) {
        return of(metadata, dialect, null);
    }

    /** With the compiled statement's result-column keys, so rows can be read by column expression. */
    public static RowShape of(RowMetadata metadata, Dialect dialect, List<Object> resultKeys) {
        List<? extends ColumnMetadata> cols = metadata.getColumnMetadatas();
        List<String> names = new ArrayList<>(cols.size());
        Class<?>[] readAs = new Class<?>[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            ColumnMetadata c = cols.get(i);
            names.add(dialect.normalizeName(c.getName()));
            Class<?> jt = c.getJavaType();
            if (jt != null && Clob.class.isAssignableFrom(jt)) {
                readAs[i] = String.class;
            } else if (jt != null && Blob.class.isAssignableFrom(jt)) {
                readAs[i] = ByteBuffer.class;
            } else {
                readAs[i] = null;
            }
        }
        return new RowShape(List.copyOf(names), readAs, resultKeys);
    }

    public List<String> names() {
        return names;
    }

    public int indexOf(String name) {
        Integer i = exact.get(name);
        if (i == null) {
            i = folded.get(name.toLowerCase(Locale.ROOT));
        }
        if (i == null) {
            throw new InvalidRequestException(
                    "Column '" + name + "' not found in row (columns: " + String.join(", ", names) + ")");
        }
        return i;
    }

    /**
     * The index of the result column {@code column}: by the statement's result-column keys when known, else by
     * its name or label.
     */
    public int indexOf(ColumnElement<?> column) {
        if (resultKeys != null) {
            int i = resultKeys.indexOf(KeyBuilder.of(column).key());
            if (i >= 0) {
                return i;
            }
        }
        String name = column.resultName();
        if (name == null) {
            throw new InvalidRequestException("Expression " + column
                    + " is not a result column of this row; select it with a label() and read it by name (columns: "
                    + String.join(", ", names) + ")");
        }
        return indexOf(name);
    }

    /** Reads every column of the driver's row into a {@link Row}. */
    public Row read(io.r2dbc.spi.Row row) {
        Object[] values = new Object[readAs.length];
        for (int i = 0; i < values.length; i++) {
            Class<?> as = readAs[i];
            Object v = as == null ? row.get(i) : row.get(i, as);
            if (v instanceof ByteBuffer b && as == ByteBuffer.class) {
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                v = bytes;
            }
            values[i] = v;
        }
        return new ArrayRow(this, values);
    }
}
