package io.retort.orm.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The foreign-key column of a {@link ManyToOne} or owning {@link OneToOne}.
 *
 * <pre>{@code
 * @ManyToOne @JoinColumn(name = "user_id", nullable = false) Lazy<User> user;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface JoinColumn {
    /** The column name; empty means {@code <attribute>_id}. */
    String name() default "";

    boolean nullable() default true;

    /** For a composite foreign key: the target's column this one refers to (default: by position). */
    String referencedColumnName() default "";

    /** ON DELETE CASCADE on the foreign key (pairs with {@code passiveDeletes}). */
    boolean onDeleteCascade() default false;
}
