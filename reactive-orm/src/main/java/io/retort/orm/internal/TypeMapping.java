package io.retort.orm.internal;

import io.retort.orm.MappingException;
import io.retort.types.SqlType;
import io.retort.types.Types;
import java.lang.reflect.Field;
import java.math.BigDecimal;

/** The SQL type for a mapped field's Java type. */
final class TypeMapping {
    private TypeMapping() {}

    static boolean isIntegral(Class<?> t) {
        return t == int.class
                || t == Integer.class
                || t == long.class
                || t == Long.class
                || t == short.class
                || t == Short.class;
    }

    static SqlType<?> sqlType(Field f, io.retort.orm.mapping.Column col, boolean enumOrdinal, String where) {
        Class<?> t = f.getType();
        io.retort.orm.mapping.Convert convert = f.getAnnotation(io.retort.orm.mapping.Convert.class);
        if (convert != null) {
            SqlType<?> type;
            try {
                var ctor = convert.value().getDeclaredConstructor();
                ctor.setAccessible(true);
                type = ctor.newInstance().get();
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new MappingException(
                        "@Convert(" + convert.value().getSimpleName() + ") on " + where + " could not supply a type: "
                                + e,
                        e);
            }
            if (type == null || io.retort.core.internal.Conversions.box(t) != type.javaType()) {
                throw new MappingException(
                        "@Convert(" + convert.value().getSimpleName() + ") on " + where + " supplies "
                                + (type == null
                                        ? "null"
                                        : "a type of " + type.javaType().getName()) + ", but the field is "
                                + t.getName());
            }
            return type;
        }
        if (t == long.class || t == Long.class) {
            return Types.BIGINT;
        }
        if (t == int.class || t == Integer.class) {
            return Types.INTEGER;
        }
        if (t == boolean.class || t == Boolean.class) {
            return Types.BOOLEAN;
        }
        if (t == String.class) {
            return Types.string(col == null ? 255 : col.length());
        }
        if (t == BigDecimal.class) {
            int p = col == null || col.precision() == 0 ? 19 : col.precision();
            int s = col == null || col.precision() == 0 ? 2 : col.scale();
            return Types.numeric(p, s);
        }
        if (t == short.class || t == Short.class) {
            return Types.SMALLINT;
        }
        if (t == double.class || t == Double.class) {
            return Types.DOUBLE;
        }
        if (t == float.class || t == Float.class) {
            return Types.REAL;
        }
        if (t == java.time.LocalDate.class) {
            return Types.DATE;
        }
        if (t == java.time.LocalTime.class) {
            return Types.TIME;
        }
        if (t == java.time.LocalDateTime.class) {
            return Types.TIMESTAMP;
        }
        if (t == java.time.OffsetDateTime.class) {
            return Types.TIMESTAMP_TZ;
        }
        if (t == java.time.Duration.class) {
            return Types.INTERVAL;
        }
        if (t == java.util.UUID.class) {
            return Types.UUID;
        }
        if (t == byte[].class) {
            return Types.BLOB;
        }
        if (t.isEnum()) {
            return enumOrdinal ? Types.INTEGER : Types.string(col == null ? 255 : col.length());
        }
        throw new MappingException("Field " + where + " has type " + t.getName()
                + ", which Retort cannot map (supported: Long, Integer, Short, Boolean, String, BigDecimal, Double, Float,"
                + " LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Duration, UUID, byte[], enums); mark it"
                + " @Transient");
    }
}
