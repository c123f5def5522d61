package io.retort.types;

import java.math.BigDecimal;

/**
 * The generic SQL types, SQLAlchemy's {@code sqlalchemy.types}. Import statically.
 *
 * <pre>{@code
 * import static io.retort.types.Types.*;
 *
 * column("id", INTEGER).primaryKey();
 * column("name", string(30)).notNull();
 * column("price", numeric(10, 2));
 * }</pre>
 */
public final class Types {
    private Types() {}

    public static final SqlType<Short> SMALLINT = new BasicType<>(TypeKind.SMALLINT, Short.class, null, null, null);
    public static final SqlType<Integer> INTEGER = new BasicType<>(TypeKind.INTEGER, Integer.class, null, null, null);
    public static final SqlType<Long> BIGINT = new BasicType<>(TypeKind.BIGINT, Long.class, null, null, null);
    public static final SqlType<Boolean> BOOLEAN = new BasicType<>(TypeKind.BOOLEAN, Boolean.class, null, null, null);
    public static final SqlType<String> TEXT = new BasicType<>(TypeKind.TEXT, String.class, null, null, null);

    /** VARCHAR(length). */
    public static SqlType<String> string(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("string(length) needs a positive length, was " + length);
        }
        return new BasicType<>(TypeKind.VARCHAR, String.class, length, null, null);
    }

    /** NUMERIC(precision, scale) as BigDecimal. */
    public static SqlType<BigDecimal> numeric(int precision, int scale) {
        if (precision < 1 || scale < 0 || scale > precision) {
            throw new IllegalArgumentException(
                    "numeric(precision, scale) needs 1 <= precision and 0 <= scale <= precision, was (" + precision
                            + ", " + scale + ")");
        }
        return new BasicType<>(TypeKind.NUMERIC, BigDecimal.class, null, precision, scale);
    }
}
