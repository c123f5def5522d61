package io.retort.types;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The generic SQL types, SQLAlchemy's {@code sqlalchemy.types}. Import statically. How each one is spelled in
 * DDL and bound on each database is in {@code docs/core/schema-and-types.md}.
 *
 * <pre>{@code
 * import static io.retort.types.Types.*;
 *
 * column("id", INTEGER).primaryKey();
 * column("name", string(30)).notNull();
 * column("price", numeric(10, 2));
 * column("created", TIMESTAMP_TZ);
 * }</pre>
 */
public final class Types {
    private Types() {}

    /** SMALLINT as {@link Short}. */
    public static final SqlType<Short> SMALLINT = basic(TypeKind.SMALLINT, Short.class);
    /** INTEGER as {@link Integer}. */
    public static final SqlType<Integer> INTEGER = basic(TypeKind.INTEGER, Integer.class);
    /** BIGINT as {@link Long}. */
    public static final SqlType<Long> BIGINT = basic(TypeKind.BIGINT, Long.class);
    /** BOOLEAN as {@link Boolean} (MariaDB: {@code BOOLEAN}, i.e. {@code TINYINT(1)}). */
    public static final SqlType<Boolean> BOOLEAN = basic(TypeKind.BOOLEAN, Boolean.class);
    /** Unbounded text as {@link String} (MariaDB: {@code LONGTEXT}, H2: {@code CHARACTER LARGE OBJECT}). */
    public static final SqlType<String> TEXT = basic(TypeKind.TEXT, String.class);
    /** Single-precision floating point as {@link Float}. */
    public static final SqlType<Float> REAL = basic(TypeKind.REAL, Float.class);
    /** Double-precision floating point as {@link Double}. */
    public static final SqlType<Double> DOUBLE = basic(TypeKind.DOUBLE, Double.class);
    /** DATE as {@link LocalDate}. */
    public static final SqlType<LocalDate> DATE = basic(TypeKind.DATE, LocalDate.class);
    /** TIME (microseconds) as {@link LocalTime}. */
    public static final SqlType<LocalTime> TIME = basic(TypeKind.TIME, LocalTime.class);
    /** TIMESTAMP without time zone (microseconds) as {@link LocalDateTime}. */
    public static final SqlType<LocalDateTime> TIMESTAMP = basic(TypeKind.TIMESTAMP, LocalDateTime.class);
    /**
     * TIMESTAMP WITH TIME ZONE as {@link OffsetDateTime}. The instant is always kept; the offset is kept by H2,
     * while PostgreSQL and MariaDB give the value back at UTC (MariaDB stores it as a UTC {@code DATETIME(6)}).
     */
    public static final SqlType<OffsetDateTime> TIMESTAMP_TZ =
            basic(TypeKind.TIMESTAMP_WITH_TIME_ZONE, OffsetDateTime.class);
    /** A day-to-second INTERVAL as {@link Duration} (PostgreSQL, H2; MariaDB has none and refuses it). */
    public static final SqlType<Duration> INTERVAL = basic(TypeKind.INTERVAL, Duration.class);
    /** A large binary object as {@code byte[]} (PostgreSQL {@code BYTEA}, MariaDB {@code LONGBLOB}, H2 {@code BLOB}). */
    public static final SqlType<byte[]> BLOB = basic(TypeKind.BLOB, byte[].class);
    /** {@link #BLOB} read and written as a {@link ByteBuffer}. */
    public static final SqlType<ByteBuffer> BLOB_BUFFER = basic(TypeKind.BLOB, ByteBuffer.class);
    /**
     * UUID as {@link java.util.UUID}: native on PostgreSQL and H2; on MariaDB the portable form
     * {@code CHAR(36)} holding the canonical lower-case text ({@code 123e4567-e89b-12d3-a456-426614174000}).
     */
    public static final SqlType<java.util.UUID> UUID = basic(TypeKind.UUID, java.util.UUID.class);
    /** JSON text as {@link String}: PostgreSQL {@code JSONB}, MariaDB {@code JSON}, H2 {@code JSON}. */
    public static final SqlType<String> JSON = new JsonType<>(String.class, null);

    private static <J> SqlType<J> basic(TypeKind kind, Class<J> javaType) {
        return new BasicType<>(kind, javaType, null, null, null);
    }

    /** VARCHAR(length) as {@link String}. */
    public static SqlType<String> string(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("string(length) needs a positive length, was " + length);
        }
        return new BasicType<>(TypeKind.VARCHAR, String.class, length, null, null);
    }

    /** Alias of {@link #string(int)}. */
    public static SqlType<String> varchar(int length) {
        return string(length);
    }

    /**
     * CHAR(length), fixed width, as {@link String}. Databases pad shorter values with spaces (PostgreSQL and H2
     * return the padding; MariaDB strips it).
     */
    public static SqlType<String> character(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("character(length) needs a positive length, was " + length);
        }
        return new BasicType<>(TypeKind.CHAR, String.class, length, null, null);
    }

    /** NUMERIC(precision, scale) as {@link BigDecimal}. */
    public static SqlType<BigDecimal> numeric(int precision, int scale) {
        if (precision < 1 || scale < 0 || scale > precision) {
            throw new IllegalArgumentException(
                    "numeric(precision, scale) needs 1 <= precision and 0 <= scale <= precision, was (" + precision
                            + ", " + scale + ")");
        }
        return new BasicType<>(TypeKind.NUMERIC, BigDecimal.class, null, precision, scale);
    }

    /** VARBINARY(length) as {@code byte[]} (PostgreSQL: {@code BYTEA}). */
    public static SqlType<byte[]> binary(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("binary(length) needs a positive length, was " + length);
        }
        return new BasicType<>(TypeKind.BINARY, byte[].class, length, null, null);
    }

    /**
     * A Java enum stored by constant name: {@code VARCHAR(n)} with a CHECK constraint, or the native enum type
     * with {@link EnumType#nativeEnum()}.
     *
     * <pre>{@code
     * column("status", enumOf(Status.class));
     * }</pre>
     */
    public static <E extends Enum<E>> EnumType<E> enumOf(Class<E> enumClass) {
        return new EnumType<>(enumClass, EnumType.snake(enumClass.getSimpleName()), false);
    }

    /**
     * JSON mapped to {@code javaType} through {@code codec}.
     *
     * <pre>{@code
     * column("settings", json(Settings.class, jacksonCodec));
     * }</pre>
     */
    public static <T> SqlType<T> json(Class<T> javaType, JsonCodec codec) {
        return new JsonType<>(javaType, Objects.requireNonNull(codec, "codec"));
    }

    /**
     * A one-dimensional ARRAY of {@code elementType} as a {@link List} (PostgreSQL, H2).
     *
     * <pre>{@code
     * column("scores", arrayOf(INTEGER));   // PostgreSQL: INTEGER[]
     * }</pre>
     */
    public static <E> SqlType<List<E>> arrayOf(SqlType<E> elementType) {
        return new ArrayType<>(elementType);
    }

    /**
     * The generic type of {@code kind} with its natural Java class, as reflection produces it: {@code VARCHAR},
     * {@code CHAR} and {@code BINARY} take a length, {@code NUMERIC} a precision and scale. An {@code ENUM} or
     * {@code OTHER} reads as {@link String}, an {@code ARRAY} as a {@link List} of objects.
     *
     * <pre>{@code
     * Types.of(TypeKind.VARCHAR, 30, null, null);   // equals string(30)
     * }</pre>
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static SqlType<?> of(TypeKind kind, Integer length, Integer precision, Integer scale) {
        switch (kind) {
            case VARCHAR:
                return length == null ? TEXT : string(length);
            case CHAR:
                return character(length == null ? 1 : length);
            case BINARY:
                return length == null ? BLOB : binary(length);
            case NUMERIC:
                return new BasicType<>(TypeKind.NUMERIC, BigDecimal.class, null, precision, scale);
            case SMALLINT:
                return SMALLINT;
            case INTEGER:
                return INTEGER;
            case BIGINT:
                return BIGINT;
            case BOOLEAN:
                return BOOLEAN;
            case TEXT:
                return TEXT;
            case REAL:
                return REAL;
            case DOUBLE:
                return DOUBLE;
            case DATE:
                return DATE;
            case TIME:
                return TIME;
            case TIMESTAMP:
                return TIMESTAMP;
            case TIMESTAMP_WITH_TIME_ZONE:
                return TIMESTAMP_TZ;
            case INTERVAL:
                return INTERVAL;
            case BLOB:
                return BLOB;
            case UUID:
                return UUID;
            case JSON:
                return JSON;
            case ARRAY:
                return new BasicType(TypeKind.ARRAY, List.class, null, null, null);
            default:
                return new BasicType<>(kind, String.class, null, null, null);
        }
    }
}
