package io.retort.orm.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The association table of a {@link ManyToMany}: its name and the two foreign-key columns.
 *
 * <pre>{@code
 * @JoinTable(name = "post_tag", joinColumn = "post_id", inverseJoinColumn = "tag_id")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface JoinTable {
    String name();

    /** The column pointing at this (owning) entity. */
    String joinColumn();

    /** The column pointing at the target entity. */
    String inverseJoinColumn();
}
