package io.retort.dialect;

import io.retort.core.InvalidRequestException;
import io.retort.core.TypeConversionException;
import io.retort.core.internal.Conversions;
import io.retort.types.ArrayType;
import io.retort.types.ConvertedType;
import io.retort.types.EnumType;
import io.retort.types.JsonType;
import io.retort.types.SqlType;
import io.retort.types.TypeKind;
import io.retort.types.Types;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Locale;

/**
 * How one database spells and transports each {@link SqlType}: its DDL name, the Java value its driver is
 * given for a bound value, the class its driver is asked for when reading, and the conversion of what it
 * returns. The generic map here speaks ANSI SQL; each dialect overrides what differs (MariaDB stores UUID as
 * {@code CHAR(36)}, PostgreSQL calls JSON {@code JSONB}). Stateless and thread-safe.
 *
 * <pre>{@code
 * TypeMap types = engine.dialect().typeMap();
 * types.ddl(Types.string(30));                  // VARCHAR(30)
 * types.toDriver(Types.UUID, uuid);             // MariaDB: "123e4567-..." ; PostgreSQL: the UUID itself
 * types.fromDriver(Types.UUID, row.get(0));     // a java.util.UUID on every database
 * }</pre>
 */
public class TypeMap {
    protected final Dialect dialect;

    public TypeMap(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * The DDL spelling of {@code type}.
     *
     * @throws InvalidRequestException when this database cannot represent the type (the DDL compiler adds the
     *     table and column)
     */
    public String ddl(SqlType<?> type) {
        SqlType<?> t = type.storageType();
        String s = ddlOf(t);
        if (s == null) {
            throw cannotRepresent(t, null);
        }
        return s;
    }

    /** The error for a type this dialect has no spelling for. */
    protected InvalidRequestException cannotRepresent(SqlType<?> t, String advice) {
        return new InvalidRequestException(
                "dialect '" + dialect.name() + "' cannot represent type " + t + (advice == null ? "" : "; " + advice));
    }

    /** The DDL of a storage type, or {@code null} when unsupported. Override per kind. */
    protected String ddlOf(SqlType<?> t) {
        switch (t.kind()) {
            case SMALLINT:
                return "SMALLINT";
            case INTEGER:
                return "INTEGER";
            case BIGINT:
                return "BIGINT";
            case BOOLEAN:
                return "BOOLEAN";
            case VARCHAR:
                return "VARCHAR(" + t.length() + ")";
            case TEXT:
                return "TEXT";
            case CHAR:
                return "CHAR(" + t.length() + ")";
            case NUMERIC:
                return t.precision() == null ? "NUMERIC" : "NUMERIC(" + t.precision() + ", " + t.scale() + ")";
            case REAL:
                return "REAL";
            case DOUBLE:
                return "DOUBLE PRECISION";
            case DATE:
                return "DATE";
            case TIME:
                return "TIME";
            case TIMESTAMP:
                return "TIMESTAMP";
            case TIMESTAMP_WITH_TIME_ZONE:
                return "TIMESTAMP WITH TIME ZONE";
            case INTERVAL:
                return "INTERVAL";
            case BINARY:
                return "VARBINARY(" + t.length() + ")";
            case BLOB:
                return "BLOB";
            case UUID:
                return "UUID";
            case JSON:
                return "JSON";
            case ENUM:
                return t instanceof EnumType<?> e ? enumDdl(e) : null; // a reflected enum has no labels
            case ARRAY:
                return t instanceof ArrayType<?> a ? arrayDdl(a) : null; // a reflected array has no element type
            default:
                return null;
        }
    }

    /** A Java enum: {@code VARCHAR(n)} (the CHECK is added by the DDL compiler) or the native spelling. */
    protected String enumDdl(EnumType<?> e) {
        return isNativeEnum(e) ? nativeEnumDdl(e) : "VARCHAR(" + e.length() + ")";
    }

    /**
     * {@code true} when this database stores {@code e} as its native enum type: the enum asked for it and
     * the database has one. Otherwise it is the portable {@code VARCHAR(n)} with a CHECK.
     */
    public boolean isNativeEnum(EnumType<?> e) {
        return e.isNative() && hasNativeEnums();
    }

    /** {@code true} when the database has native enum types usable through its driver. */
    protected boolean hasNativeEnums() {
        return false;
    }

    /** The native enum spelling, or {@code null} when the database has none. */
    protected String nativeEnumDdl(EnumType<?> e) {
        return null;
    }

    /** An ARRAY, or {@code null} when the database has none. */
    protected String arrayDdl(ArrayType<?> a) {
        return null;
    }

    /** {@code 'text'} with quotes doubled (ANSI): for DDL only (enum labels, comments), never for values. */
    public static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /**
     * A string literal for this database's DDL (comments, enum labels): {@link #literal} by default; MariaDB
     * also doubles backslashes, which it treats as escapes.
     *
     * <pre>{@code
     * new MariaDbDialect().typeMap().stringLiteral("it's C:\\tmp");   // 'it''s C:\\\\tmp' (Java string literals)
     * }</pre>
     */
    public String stringLiteral(String s) {
        return literal(s);
    }

    // ------------------------------------------------------------------ values

    /**
     * The value handed to the driver for {@code value} of {@code type}: the type's own conversion (converters,
     * enum names, JSON text), then this database's (e.g. UUID as text on MariaDB). {@code null} stays null.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object toDriver(SqlType<?> type, Object value) {
        if (value == null) {
            return null;
        }
        if (type instanceof ConvertedType c) {
            return toDriver(c.impl(), c.toDatabase(value));
        }
        if (type instanceof ArrayType<?> a) {
            return arrayToDriver(a, value);
        }
        Object v = ((SqlType) type).toDatabase(coerce(type, value));
        return scalarToDriver(type, v);
    }

    /** A value for a type whose Java class it is not, but can become exactly (Integer for a Long column). */
    private static Object coerce(SqlType<?> type, Object value) {
        Class<?> jt = type.javaType();
        if (jt.isInstance(value) || type.kind() == TypeKind.JSON) {
            return value;
        }
        if (type.kind() == TypeKind.ENUM && value instanceof String s) {
            return type.fromDatabase(s);
        }
        try {
            return Conversions.convert(value, jt, type.toString());
        } catch (TypeConversionException e) {
            throw new TypeConversionException(
                    "Cannot bind a " + value.getClass().getName() + " as " + type + " (" + jt.getName() + ")", e);
        }
    }

    /** This database's form of a storage value (after the type's own conversion). Override per kind. */
    protected Object scalarToDriver(SqlType<?> type, Object value) {
        if (value instanceof ByteBuffer b) {
            return b.duplicate(); // drivers consume the buffer they bind; the caller's stays as it was
        }
        return value;
    }

    /** An ARRAY value as a Java array of the element's driver class. */
    protected Object arrayToDriver(ArrayType<?> a, Object value) {
        Collection<?> items;
        if (value instanceof Collection<?> c) {
            items = c;
        } else if (value instanceof Object[] arr) {
            items = java.util.Arrays.asList(arr);
        } else {
            throw new TypeConversionException("An ARRAY value must be a List or an array, was a "
                    + value.getClass().getName());
        }
        Class<?> elem = driverClass(a.elementType());
        Object out = Array.newInstance(elem, items.size());
        int i = 0;
        for (Object o : items) {
            Array.set(out, i++, toDriver(a.elementType(), o));
        }
        return out;
    }

    /**
     * What to bind for a {@code null} of this type when {@code bindNull(index, driverClass(type))} would not
     * do (an {@code io.r2dbc.spi.Parameter} with a database type), or {@code null} to use {@code bindNull}.
     */
    public Object nullParameter(SqlType<?> type) {
        return null;
    }

    /**
     * The class the driver binds a {@code null} of this type as, and is asked to read the type as.
     */
    public Class<?> driverClass(SqlType<?> type) {
        SqlType<?> t = type.storageType();
        switch (t.kind()) {
            case ENUM:
            case JSON:
                return String.class;
            case ARRAY:
                return Array.newInstance(driverClass(((ArrayType<?>) t).elementType()), 0)
                        .getClass();
            case BLOB:
            case BINARY:
                return byte[].class;
            default:
                return t.javaType();
        }
    }

    /**
     * The class the driver is asked to read a column of this type as ({@code row.get(i, class)}), or
     * {@code null} to take the driver's own choice.
     */
    public Class<?> readClass(SqlType<?> type) {
        return driverClass(type);
    }

    /**
     * The Java value of {@code type} for what the driver returned ({@code null} stays null).
     *
     * @throws TypeConversionException when the value cannot be read as the type
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object fromDriver(SqlType<?> type, Object raw) {
        if (raw == null) {
            return null;
        }
        if (type instanceof ConvertedType c) {
            Object inner = fromDriver(c.impl(), raw);
            return inner == null ? null : c.converter().fromDatabase(inner);
        }
        if (type instanceof ArrayType<?> a) {
            Collection<?> items = raw instanceof Object[] arr
                    ? java.util.Arrays.asList(arr)
                    : raw instanceof Collection<?> col ? col : null;
            if (items == null && raw.getClass().isArray()) {
                int n = Array.getLength(raw);
                Object[] boxed = new Object[n];
                for (int i = 0; i < n; i++) {
                    boxed[i] = Array.get(raw, i);
                }
                items = java.util.Arrays.asList(boxed);
            }
            if (items == null) {
                throw new TypeConversionException(
                        "An ARRAY column returned a " + raw.getClass().getName());
            }
            java.util.List<Object> out = new java.util.ArrayList<>(items.size());
            for (Object o : items) {
                out.add(o == null ? null : fromDriver(a.elementType(), o));
            }
            return java.util.Collections.unmodifiableList(out);
        }
        return scalarFromDriver(type, raw);
    }

    /** Reads a scalar: this database's adaptation, then the type's own {@code fromDatabase}. */
    protected Object scalarFromDriver(SqlType<?> type, Object raw) {
        Object v = raw;
        if (type.kind() == TypeKind.TIMESTAMP_WITH_TIME_ZONE && raw instanceof ZonedDateTime z) {
            v = z.toOffsetDateTime();
        }
        if (type.kind() == TypeKind.BLOB && type.javaType() == ByteBuffer.class && raw instanceof byte[] b) {
            v = ByteBuffer.wrap(b);
        }
        if (type instanceof JsonType<?> && raw instanceof OffsetDateTime) {
            throw new TypeConversionException("A JSON column returned a timestamp");
        }
        return type.fromDatabase(v);
    }

    /**
     * The kind reflection reports for a column declared with {@code type} on this database: the storage kind,
     * except where the database stores it in another form (a portable enum is a VARCHAR; on MariaDB a UUID is
     * a CHAR and a TIMESTAMP WITH TIME ZONE a TIMESTAMP; on PostgreSQL a BINARY is a BLOB).
     *
     * <pre>{@code
     * new MariaDbDialect().typeMap().kindAfterReflection(Types.UUID);   // TypeKind.CHAR
     * }</pre>
     */
    public TypeKind kindAfterReflection(SqlType<?> type) {
        SqlType<?> t = type.storageType();
        if (t instanceof EnumType<?> e && !isNativeEnum(e)) {
            return TypeKind.VARCHAR;
        }
        return t.kind();
    }

    /**
     * The generic type a database type name reflects as ({@code character varying} with length 30 becomes
     * {@code VARCHAR(30)}). Unknown names map to a type of kind {@link TypeKind#OTHER}.
     */
    public SqlType<?> reflectedType(String dataType, Integer length, Integer precision, Integer scale) {
        String d = dataType.toLowerCase(Locale.ROOT).trim();
        TypeKind k = reflectedKind(d);
        if (k == TypeKind.VARCHAR || k == TypeKind.CHAR || k == TypeKind.BINARY) {
            return Types.of(k, length, null, null);
        }
        if (k == TypeKind.NUMERIC) {
            return Types.of(k, null, precision, scale);
        }
        return Types.of(k, null, null, null);
    }

    /** The generic kind of a (lower-case) database type name. */
    protected TypeKind reflectedKind(String d) {
        switch (d) {
            case "smallint":
            case "int2":
                return TypeKind.SMALLINT;
            case "integer":
            case "int":
            case "int4":
                return TypeKind.INTEGER;
            case "bigint":
            case "int8":
                return TypeKind.BIGINT;
            case "boolean":
            case "bool":
                return TypeKind.BOOLEAN;
            case "character varying":
            case "varchar":
                return TypeKind.VARCHAR;
            case "text":
            case "character large object":
            case "clob":
            case "longtext":
                return TypeKind.TEXT;
            case "character":
            case "char":
            case "bpchar":
                return TypeKind.CHAR;
            case "numeric":
            case "decimal":
                return TypeKind.NUMERIC;
            case "real":
            case "float4":
            case "float":
                return TypeKind.REAL;
            case "double precision":
            case "double":
            case "float8":
                return TypeKind.DOUBLE;
            case "date":
                return TypeKind.DATE;
            case "time":
            case "time without time zone":
                return TypeKind.TIME;
            case "timestamp":
            case "timestamp without time zone":
            case "datetime":
                return TypeKind.TIMESTAMP;
            case "timestamp with time zone":
            case "timestamptz":
                return TypeKind.TIMESTAMP_WITH_TIME_ZONE;
            case "interval":
                return TypeKind.INTERVAL;
            case "varbinary":
            case "binary varying":
                return TypeKind.BINARY;
            case "blob":
            case "bytea":
            case "longblob":
            case "binary large object":
                return TypeKind.BLOB;
            case "uuid":
                return TypeKind.UUID;
            case "json":
            case "jsonb":
                return TypeKind.JSON;
            case "enum":
                return TypeKind.ENUM;
            case "array":
                return TypeKind.ARRAY;
            default:
                if (d.startsWith("interval")) {
                    return TypeKind.INTERVAL;
                }
                if (d.endsWith(" array") || d.startsWith("_") || d.endsWith("[]")) {
                    return TypeKind.ARRAY;
                }
                return TypeKind.OTHER;
        }
    }
}
