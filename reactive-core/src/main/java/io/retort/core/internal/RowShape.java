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
    private final String[] driverNames;
    private final Class<?>[] driverTypes;
    private final Map<String, Integer> exact = new HashMap<>();
    private final Map<String, Integer> folded = new HashMap<>();
    private final Class<?>[] readAs;
    private final io.retort.types.SqlType<?>[] types;
    private final io.retort.dialect.TypeMap typeMap;

    private final List<Object> resultKeys;

    private RowShape(
            String[] driverNames,
            Class<?>[] driverTypes,
            List<String> names,
            Class<?>[] readAs,
            List<Object> resultKeys,
            io.retort.types.SqlType<?>[] types,
            io.retort.dialect.TypeMap typeMap) {
        this.driverNames = driverNames;
        this.driverTypes = driverTypes;
        this.names = names;
        this.resultKeys = resultKeys != null && resultKeys.size() == names.size() ? resultKeys : null;
        this.readAs = readAs;
        this.types = types;
        this.typeMap = typeMap;
        for (int i = names.size() - 1; i >= 0; i--) {
            exact.put(names.get(i), i);
            folded.put(names.get(i).toLowerCase(Locale.ROOT), i);
        }
    }

    public static RowShape of(RowMetadata metadata, Dialect dialect) {
        return of(metadata, dialect, null, Map.of());
    }

    /** With the compiled statement's result-column keys, so rows can be read by column expression. */
    public static RowShape of(RowMetadata metadata, Dialect dialect, List<Object> resultKeys) {
        return of(metadata, dialect, resultKeys, Map.of());
    }

    /**
     * With result-column keys, and result columns named in {@code resultTypes} read through their SQL type
     * (the dialect's {@link io.retort.dialect.TypeMap}); names match case-insensitively.
     */
    public static RowShape of(
            RowMetadata metadata,
            Dialect dialect,
            List<Object> resultKeys,
            Map<String, io.retort.types.SqlType<?>> resultTypes) {
        List<? extends ColumnMetadata> cols = metadata.getColumnMetadatas();
        List<String> names = new ArrayList<>(cols.size());
        String[] driverNames = new String[cols.size()];
        Class<?>[] driverTypes = new Class<?>[cols.size()];
        Class<?>[] readAs = new Class<?>[cols.size()];
        io.retort.types.SqlType<?>[] types = null;
        Map<String, io.retort.types.SqlType<?>> folded = new HashMap<>();
        for (Map.Entry<String, io.retort.types.SqlType<?>> e : resultTypes.entrySet()) {
            folded.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
        }
        for (int i = 0; i < cols.size(); i++) {
            ColumnMetadata c = cols.get(i);
            driverNames[i] = c.getName();
            driverTypes[i] = c.getJavaType();
            names.add(dialect.normalizeName(c.getName()));
            Class<?> jt = c.getJavaType();
            io.retort.types.SqlType<?> typed =
                    folded.isEmpty() ? null : folded.get(names.get(i).toLowerCase(Locale.ROOT));
            if (typed != null) {
                if (types == null) {
                    types = new io.retort.types.SqlType<?>[cols.size()];
                }
                types[i] = typed;
                readAs[i] = dialect.typeMap().readClass(typed);
            } else if (jt != null && Clob.class.isAssignableFrom(jt)) {
                readAs[i] = String.class;
            } else if (jt != null && Blob.class.isAssignableFrom(jt)) {
                readAs[i] = ByteBuffer.class;
            } else {
                readAs[i] = null;
            }
        }
        return new RowShape(driverNames, driverTypes, List.copyOf(names), readAs, resultKeys, types, dialect.typeMap());
    }

    /**
     * The shape for {@code metadata}: {@code cached} when it was made for the same columns (same names and Java
     * types, in order), else a new one. Lets one statement's executions share a shape instead of rebuilding it per
     * result.
     */
    public static RowShape reuse(
            RowShape cached,
            RowMetadata metadata,
            Dialect dialect,
            List<Object> resultKeys,
            Map<String, io.retort.types.SqlType<?>> resultTypes) {
        if (cached != null && cached.matches(metadata)) {
            return cached;
        }
        return of(metadata, dialect, resultKeys, resultTypes);
    }

    private boolean matches(RowMetadata metadata) {
        List<? extends ColumnMetadata> cols = metadata.getColumnMetadatas();
        if (cols.size() != driverNames.length) {
            return false;
        }
        for (int i = 0; i < driverNames.length; i++) {
            ColumnMetadata c = cols.get(i);
            if (!driverNames[i].equals(c.getName()) || driverTypes[i] != c.getJavaType()) {
                return false;
            }
        }
        return true;
    }

    /** The dialect's type map, for reading values as their SQL types. */
    public io.retort.dialect.TypeMap typeMap() {
        return typeMap;
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
            if (types != null && types[i] != null) {
                v = typeMap.fromDriver(types[i], v);
            } else if (v instanceof ByteBuffer b && as == ByteBuffer.class) {
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                v = bytes;
            }
            values[i] = v;
        }
        return new ArrayRow(this, values);
    }
}
