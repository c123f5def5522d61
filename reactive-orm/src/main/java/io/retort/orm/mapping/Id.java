package io.retort.orm.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A primary-key attribute. Annotate several fields for a composite key; {@code session.get} then takes an
 * {@code Object[]} (or a {@code List}) of their values in field order.
 *
 * <pre>{@code
 * @Id @GeneratedValue Long id;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Id {}
