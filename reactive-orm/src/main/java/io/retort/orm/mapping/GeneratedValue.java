package io.retort.orm.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The id is generated: by the database (identity or sequence) or by the client (UUID). The generated value is
 * written back to the object when the session flushes.
 *
 * <pre>{@code
 * @Id @GeneratedValue Long id;                                                   // identity
 * @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, sequence = "order_seq") Long id;
 * @Id @GeneratedValue(strategy = GenerationType.UUID) UUID id;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface GeneratedValue {
    GenerationType strategy() default GenerationType.IDENTITY;

    /** The sequence name for {@link GenerationType#SEQUENCE}; empty means {@code <table>_<column>_seq}. */
    String sequence() default "";
}
