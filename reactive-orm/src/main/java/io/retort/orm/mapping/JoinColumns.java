package io.retort.orm.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The foreign-key columns of a {@link ManyToOne} (or owning {@link OneToOne}) to a target with a composite
 * primary key: one {@link JoinColumn} per id attribute of the target, in the target's id order (or matched by
 * {@link JoinColumn#referencedColumnName()}).
 *
 * <pre>{@code
 * @ManyToOne
 * @JoinColumns({@JoinColumn(name = "student_id"), @JoinColumn(name = "course")})
 * Lazy<Enrollment> enrollment;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface JoinColumns {
    JoinColumn[] value();
}
