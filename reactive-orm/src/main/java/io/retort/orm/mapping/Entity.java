package io.retort.orm.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as mapped to a table. Fields map to columns by name through the session factory's
 * {@link NamingStrategy} (snake_case by default) unless annotated otherwise; {@code static} and
 * {@link Transient} fields are not mapped.
 *
 * <pre>{@code
 * @Entity(table = "user_account")
 * public class User {
 *     @Id @GeneratedValue Long id;
 *     @Column(length = 30, nullable = false) String name;
 *     String fullname;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Entity {
    /** The table name; empty means the naming strategy's name for the class. */
    String table() default "";

    /** The schema the table lives in; empty for the default schema. */
    String schema() default "";
}
