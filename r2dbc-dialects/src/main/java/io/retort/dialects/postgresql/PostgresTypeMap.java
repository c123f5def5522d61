package io.retort.dialects.postgresql;

import io.retort.core.TypeConversionException;
import io.retort.dialect.Dialect;
import io.retort.dialect.TypeMap;
import io.retort.types.ArrayType;
import io.retort.types.EnumType;
import io.retort.types.SqlType;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * PostgreSQL's types: {@code DOUBLE PRECISION}, {@code BYTEA}, {@code JSONB}, native {@code UUID},
 * {@code INTERVAL} as {@link Duration}, {@code type[]} arrays and {@code CREATE TYPE ... AS ENUM} enums.
 * JSON and INTERVAL values are handed to r2dbc-postgresql as its {@code Json} and {@code Interval} objects
 * (looked up reflectively, so the driver stays a runtime dependency); a native enum is bound with an
 * unspecified type so the server infers it. TIMESTAMP WITH TIME ZONE values are read back at UTC.
 *
 * <pre>{@code
 * new PostgresDialect().typeMap().ddl(Types.JSON);   // JSONB
 * }</pre>
 */
public class PostgresTypeMap extends TypeMap {

    /** The driver's classes, looked up once. */
    private static final class Driver {
        static final Method JSON_OF = method("io.r2dbc.postgresql.codec.Json", "of", String.class);
        static final Method JSON_AS_STRING = method("io.r2dbc.postgresql.codec.Json", "asString");
        static final Method INTERVAL_OF = method("io.r2dbc.postgresql.codec.Interval", "of", Duration.class);
        static final Method INTERVAL_DAYS = method("io.r2dbc.postgresql.codec.Interval", "getDays");
        static final Method INTERVAL_MONTHS = method("io.r2dbc.postgresql.codec.Interval", "getMonths");
        static final Method INTERVAL_YEARS = method("io.r2dbc.postgresql.codec.Interval", "getYears");
        static final Method INTERVAL_DURATION = method("io.r2dbc.postgresql.codec.Interval", "getDuration");
        static final Object UNSPECIFIED = unspecified();

        private static Method method(String cls, String name, Class<?>... args) {
            try {
                return Class.forName(cls, true, PostgresTypeMap.class.getClassLoader())
                        .getMethod(name, args);
            } catch (ReflectiveOperationException | LinkageError e) {
                return null;
            }
        }

        private static Object unspecified() {
            try {
                Class<?> c = Class.forName(
                        "io.r2dbc.postgresql.codec.PostgresqlObjectId", true, PostgresTypeMap.class.getClassLoader());
                return c.getField("UNSPECIFIED").get(null);
            } catch (ReflectiveOperationException | LinkageError e) {
                return null;
            }
        }
    }

    public PostgresTypeMap(Dialect dialect) {
        super(dialect);
    }

    /** Loads the driver classes now (called at dialect creation, off any event loop). */
    static void preload() {
        Object o = Driver.JSON_OF;
    }

    @Override
    protected String ddlOf(SqlType<?> t) {
        switch (t.kind()) {
            case BINARY:
            case BLOB:
                return "BYTEA";
            case JSON:
                return "JSONB";
            default:
                return super.ddlOf(t);
        }
    }

    @Override
    protected boolean hasNativeEnums() {
        return true;
    }

    @Override
    protected String nativeEnumDdl(EnumType<?> e) {
        return dialect.quoteIdentifier(e.typeName());
    }

    @Override
    protected String arrayDdl(ArrayType<?> a) {
        return ddl(a.elementType()) + "[]";
    }

    @Override
    public io.retort.types.TypeKind kindAfterReflection(SqlType<?> type) {
        io.retort.types.TypeKind k = super.kindAfterReflection(type);
        return k == io.retort.types.TypeKind.BINARY ? io.retort.types.TypeKind.BLOB : k;
    }

    @Override
    protected Object scalarToDriver(SqlType<?> type, Object value) {
        try {
            switch (type.kind()) {
                case JSON:
                    return Driver.JSON_OF == null ? value : Driver.JSON_OF.invoke(null, value.toString());
                case INTERVAL:
                    return Driver.INTERVAL_OF == null ? value : Driver.INTERVAL_OF.invoke(null, (Duration) value);
                case ENUM:
                    if (((EnumType<?>) type).isNative() && Driver.UNSPECIFIED != null) {
                        return io.r2dbc.spi.Parameters.in((io.r2dbc.spi.Type) Driver.UNSPECIFIED, value);
                    }
                    return value;
                default:
                    return super.scalarToDriver(type, value);
            }
        } catch (ReflectiveOperationException e) {
            throw new TypeConversionException("Cannot bind " + value + " as " + type + ": " + e, e);
        }
    }

    @Override
    public Object nullParameter(SqlType<?> type) {
        switch (type.storageType().kind()) {
            case JSON:
            case INTERVAL:
            case ENUM:
            case ARRAY:
                return Driver.UNSPECIFIED == null
                        ? null
                        : io.r2dbc.spi.Parameters.in((io.r2dbc.spi.Type) Driver.UNSPECIFIED);
            default:
                return null;
        }
    }

    @Override
    public Class<?> readClass(SqlType<?> type) {
        switch (type.storageType().kind()) {
            case INTERVAL:
            case JSON:
                return null;
            default:
                return super.readClass(type);
        }
    }

    @Override
    protected Object scalarFromDriver(SqlType<?> type, Object raw) {
        try {
            switch (type.kind()) {
                case JSON:
                    if (Driver.JSON_AS_STRING != null
                            && Driver.JSON_AS_STRING.getDeclaringClass().isInstance(raw)) {
                        return type.fromDatabase(Driver.JSON_AS_STRING.invoke(raw));
                    }
                    return type.fromDatabase(raw);
                case INTERVAL:
                    if (raw instanceof Duration d) {
                        return d;
                    }
                    if (Driver.INTERVAL_DURATION != null
                            && Driver.INTERVAL_DURATION.getDeclaringClass().isInstance(raw)) {
                        int years = (Integer) Driver.INTERVAL_YEARS.invoke(raw);
                        int months = (Integer) Driver.INTERVAL_MONTHS.invoke(raw);
                        if (years != 0 || months != 0) {
                            throw new TypeConversionException("INTERVAL '" + raw
                                    + "' has years or months, which a java.time.Duration cannot hold");
                        }
                        int days = (Integer) Driver.INTERVAL_DAYS.invoke(raw);
                        return Duration.ofDays(days).plus((Duration) Driver.INTERVAL_DURATION.invoke(raw));
                    }
                    return type.fromDatabase(raw);
                case TIMESTAMP_WITH_TIME_ZONE:
                    Object v = super.scalarFromDriver(type, raw);
                    return v instanceof OffsetDateTime o ? o.withOffsetSameInstant(ZoneOffset.UTC) : v;
                default:
                    return super.scalarFromDriver(type, raw);
            }
        } catch (ReflectiveOperationException e) {
            throw new TypeConversionException("Cannot read " + raw + " as " + type + ": " + e, e);
        }
    }
}
