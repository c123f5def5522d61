package io.retort.orm.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How an attribute maps to its column. Every element is optional.
 *
 * <pre>{@code
 * @Column(name = "user_name", length = 30, nullable = false, unique = true) String name;
 * @Column(precision = 10, scale = 2) BigDecimal price;
 * @Column(updatable = false) LocalDateTime createdAt;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Column {
    /** The column name; empty means the naming strategy's name for the field. */
    String name() default "";

    /** VARCHAR length for strings. */
    int length() default 255;

    /** {@code false} for NOT NULL (primary keys and primitive fields are always NOT NULL). */
    boolean nullable() default true;

    boolean unique() default false;

    /** NUMERIC precision for BigDecimal (default 19). */
    int precision() default 0;

    /** NUMERIC scale for BigDecimal (default 2). */
    int scale() default 0;

    /** {@code false} to leave the column out of INSERTs (a server default fills it). */
    boolean insertable() default true;

    /** {@code false} to leave the column out of UPDATEs. */
    boolean updatable() default true;
}
