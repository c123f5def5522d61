package io.retort.orm.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How an enum attribute is stored; without it, enums are stored by name.
 *
 * <pre>{@code
 * @Enumerated(EnumType.ORDINAL) Priority priority;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Enumerated {
    EnumType value() default EnumType.STRING;
}
