package io.retort.orm.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A many-to-many relationship through an association table ({@link JoinTable}) whose rows the flush writes. The
 * other side names this one with {@code mappedBy}.
 *
 * <pre>{@code
 * @ManyToMany @JoinTable(name = "post_tag", joinColumn = "post_id", inverseJoinColumn = "tag_id")
 * LazyList<Tag> tags = LazyList.empty();
 * @ManyToMany(mappedBy = "tags") LazyList<Post> posts = LazyList.empty();   // on Tag
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ManyToMany {
    String mappedBy() default "";

    Cascade[] cascade() default {};

    Strategy strategy() default Strategy.LAZY;

    /** A target attribute to order the collection by; prefix with {@code -} for descending. */
    String orderBy() default "";
}
