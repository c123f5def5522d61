package io.retort.core.internal;

import io.retort.core.TypeConversionException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

/** Converts values read from a driver to the Java type a caller asked for, exactly or not at all. */
public final class Conversions {
    private Conversions() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> T convert(Object value, Class<T> type, String column) {
        if (value == null) {
            if (type.isPrimitive()) {
                throw fail(column, null, type, null);
            }
            return null;
        }
        Class<?> target = type.isPrimitive() ? box(type) : type;
        if (target.isInstance(value)) {
            return (T) value;
        }
        try {
            Object out = convertOrNull(value, target);
            if (out != null) {
                return (T) out;
            }
            if (target.isEnum() && value instanceof String s) {
                return (T) Enum.valueOf((Class) target, s);
            }
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw fail(column, value, type, e);
        }
        throw fail(column, value, type, null);
    }

    private static Object convertOrNull(Object value, Class<?> target) {
        if (value instanceof Number n) {
            return fromNumber(n, target);
        }
        if (target == String.class) {
            if (value instanceof CharSequence || value instanceof Character || value instanceof UUID) {
                return value.toString();
            }
            return null;
        }
        if (value instanceof String s) {
            if (target == UUID.class) {
                return UUID.fromString(s);
            }
            if (target == Character.class && s.length() == 1) {
                return s.charAt(0);
            }
            return null;
        }
        if (value instanceof ByteBuffer b && target == byte[].class) {
            ByteBuffer d = b.duplicate();
            byte[] out = new byte[d.remaining()];
            d.get(out);
            return out;
        }
        if (value instanceof byte[] bytes) {
            if (target == ByteBuffer.class) {
                return ByteBuffer.wrap(bytes);
            }
            if (target == UUID.class && bytes.length == 16) {
                ByteBuffer bb = ByteBuffer.wrap(bytes);
                return new UUID(bb.getLong(), bb.getLong());
            }
            return null;
        }
        if (value instanceof Boolean b && isIntegral(target)) {
            return fromNumber(b ? 1 : 0, target);
        }
        return fromTemporal(value, target);
    }

    private static Object fromTemporal(Object value, Class<?> target) {
        if (value instanceof OffsetDateTime odt) {
            if (target == Instant.class) {
                return odt.toInstant();
            }
            if (target == ZonedDateTime.class) {
                return odt.toZonedDateTime();
            }
            if (target == LocalDateTime.class) {
                return odt.toLocalDateTime();
            }
        }
        if (value instanceof ZonedDateTime zdt) {
            if (target == OffsetDateTime.class) {
                return zdt.toOffsetDateTime();
            }
            if (target == Instant.class) {
                return zdt.toInstant();
            }
        }
        if (value instanceof Instant i && target == OffsetDateTime.class) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime ldt
                && target == LocalDate.class
                && ldt.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            return ldt.toLocalDate();
        }
        return null;
    }

    private static boolean isIntegral(Class<?> t) {
        return t == Integer.class || t == Long.class || t == Short.class || t == Byte.class;
    }

    private static Object fromNumber(Number n, Class<?> target) {
        if (target == Boolean.class) {
            if (n instanceof BigDecimal || n instanceof Double || n instanceof Float) {
                return null;
            }
            long v = n.longValue();
            if (v == 0 || v == 1) {
                return v == 1;
            }
            return null;
        }
        if (target == Long.class) {
            return toBig(n).longValueExact();
        }
        if (target == Integer.class) {
            return toBig(n).intValueExact();
        }
        if (target == Short.class) {
            return toBig(n).shortValueExact();
        }
        if (target == Byte.class) {
            return toBig(n).byteValueExact();
        }
        if (target == BigDecimal.class) {
            return toBig(n);
        }
        if (target == BigInteger.class) {
            return toBig(n).toBigIntegerExact();
        }
        if (target == Double.class) {
            return n.doubleValue();
        }
        if (target == Float.class) {
            return n.floatValue();
        }
        return null;
    }

    private static BigDecimal toBig(Number n) {
        if (n instanceof BigDecimal b) {
            return b;
        }
        if (n instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (n instanceof Double || n instanceof Float) {
            return BigDecimal.valueOf(n.doubleValue());
        }
        return BigDecimal.valueOf(n.longValue());
    }

    public static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        if (c == int.class) return Integer.class;
        if (c == long.class) return Long.class;
        if (c == boolean.class) return Boolean.class;
        if (c == double.class) return Double.class;
        if (c == float.class) return Float.class;
        if (c == short.class) return Short.class;
        if (c == byte.class) return Byte.class;
        if (c == char.class) return Character.class;
        return Void.class;
    }

    private static TypeConversionException fail(String column, Object value, Class<?> type, Exception cause) {
        String what = value == null
                ? "NULL"
                : "a " + value.getClass().getName() + " (" + abbreviate(String.valueOf(value)) + ")";
        String msg = "Column '" + column + "' holds " + what + ", which cannot be read as " + type.getName();
        return cause == null ? new TypeConversionException(msg) : new TypeConversionException(msg, cause);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : "'" + s + "'";
    }
}
