package io.retort.orm.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The many side of a relationship: this entity's table holds the foreign key ({@link JoinColumn}) to the
 * target's primary key. The field is a {@code Lazy<Target>} (loaded on demand) or a plain {@code Target}
 * (always loaded, eagerly with selectin).
 *
 * <pre>{@code
 * @ManyToOne @JoinColumn(name = "user_id") Lazy<User> user = Lazy.empty();
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ManyToOne {
    Cascade[] cascade() default {};

    Strategy strategy() default Strategy.LAZY;
}
