package io.retort.orm.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one side of a relationship: a collection of targets whose {@link ManyToOne} attribute {@code mappedBy}
 * points back here. The field is a {@code LazyList<Target>} or a plain {@code List<Target>} (always loaded).
 *
 * <pre>{@code
 * @OneToMany(mappedBy = "user", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN}, orderBy = "email")
 * LazyList<Address> addresses = LazyList.empty();
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OneToMany {
    /** The target's many-to-one attribute that holds the foreign key. */
    String mappedBy();

    Cascade[] cascade() default {};

    Strategy strategy() default Strategy.LAZY;

    /** A target attribute to order the collection by; prefix with {@code -} for descending. */
    String orderBy() default "";

    /**
     * Rely on the database's ON DELETE CASCADE: deleting the parent does not load the collection (SQLAlchemy's
     * {@code passive_deletes}).
     */
    boolean passiveDeletes() default false;
}
