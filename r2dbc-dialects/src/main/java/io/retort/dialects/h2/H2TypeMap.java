package io.retort.dialects.h2;

import io.retort.dialect.Dialect;
import io.retort.dialect.TypeMap;
import io.retort.types.ArrayType;
import io.retort.types.SqlType;
import java.nio.charset.StandardCharsets;

/**
 * H2's types: {@code CHARACTER LARGE OBJECT} for TEXT, microsecond {@code TIME(6)} / {@code TIMESTAMP(6)}
 * (H2's TIME defaults to whole seconds), {@code TIMESTAMP(6) WITH TIME ZONE} (the offset is kept),
 * {@code INTERVAL DAY(9) TO SECOND(6)} as {@link java.time.Duration}, native {@code UUID}, {@code JSON}
 * (bound as UTF-8 bytes, which H2 parses as JSON text) and {@code type ARRAY}. A native enum is stored in
 * the portable form ({@code VARCHAR(n)} with a CHECK): r2dbc-h2 binds strings as CLOBs, which H2 will not
 * convert to its ENUM type.
 *
 * <pre>{@code
 * new H2Dialect().typeMap().ddl(Types.INTERVAL);   // INTERVAL DAY(9) TO SECOND(6)
 * }</pre>
 */
public class H2TypeMap extends TypeMap {

    public H2TypeMap(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected String ddlOf(SqlType<?> t) {
        switch (t.kind()) {
            case TEXT:
                return "CHARACTER LARGE OBJECT";
            case TIME:
                return "TIME(6)";
            case TIMESTAMP:
                return "TIMESTAMP(6)";
            case TIMESTAMP_WITH_TIME_ZONE:
                return "TIMESTAMP(6) WITH TIME ZONE";
            case INTERVAL:
                return "INTERVAL DAY(9) TO SECOND(6)";
            case BLOB:
                return "BINARY LARGE OBJECT";
            default:
                return super.ddlOf(t);
        }
    }

    @Override
    protected String arrayDdl(ArrayType<?> a) {
        return ddl(a.elementType()) + " ARRAY";
    }

    @Override
    protected Object scalarToDriver(SqlType<?> type, Object value) {
        switch (type.kind()) {
            case JSON:
                return value.toString().getBytes(StandardCharsets.UTF_8);
            default:
                return super.scalarToDriver(type, value);
        }
    }

    private static final java.util.regex.Pattern DAY_TO_SECOND =
            java.util.regex.Pattern.compile("INTERVAL '(-?)(\\d+) (\\d+):(\\d+):(\\d+)(?:\\.(\\d+))?' DAY TO SECOND");

    /** An {@code org.h2.api.Interval} (what H2 returns when not asked for a Duration) read from its SQL text. */
    @Override
    protected Object scalarFromDriver(SqlType<?> type, Object raw) {
        if (type.kind() == io.retort.types.TypeKind.INTERVAL && !(raw instanceof java.time.Duration)) {
            java.util.regex.Matcher m = DAY_TO_SECOND.matcher(raw.toString());
            if (m.matches()) {
                String frac = m.group(6) == null ? "0" : (m.group(6) + "000000000").substring(0, 9);
                java.time.Duration d = java.time.Duration.ofDays(Long.parseLong(m.group(2)))
                        .plusHours(Long.parseLong(m.group(3)))
                        .plusMinutes(Long.parseLong(m.group(4)))
                        .plusSeconds(Long.parseLong(m.group(5)))
                        .plusNanos(Long.parseLong(frac));
                return m.group(1).isEmpty() ? d : d.negated();
            }
        }
        return super.scalarFromDriver(type, raw);
    }

    @Override
    public Class<?> readClass(SqlType<?> type) {
        switch (type.storageType().kind()) {
            case BLOB:
                return java.nio.ByteBuffer.class; // r2dbc-h2 reads a BLOB as a ByteBuffer, not a byte[]
            case JSON:
            case ARRAY:
                return null; // read as the driver returns it (byte[] / String, Object[])
            default:
                return super.readClass(type);
        }
    }

    @Override
    public Class<?> driverClass(SqlType<?> type) {
        switch (type.storageType().kind()) {
            case JSON:
                return byte[].class;
            default:
                return super.driverClass(type);
        }
    }
}
