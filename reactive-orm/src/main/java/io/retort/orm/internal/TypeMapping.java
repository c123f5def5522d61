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
        if (t.isEnum()) {
            return enumOrdinal ? Types.INTEGER : Types.string(col == null ? 255 : col.length());
        }
        throw new MappingException("Field " + where + " has type " + t.getName()
                + ", which Retort cannot map (supported: Long, Integer, Short, Boolean, String, BigDecimal, Double, Float,"
                + " LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Instant, UUID, byte[], enums); mark it @Transient"
                + " or map it with a converter");
    }
}
