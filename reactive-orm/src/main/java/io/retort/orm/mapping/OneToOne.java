package io.retort.orm.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A one-to-one relationship. The owning side (no {@code mappedBy}) holds a unique foreign key
 * ({@link JoinColumn}); the other side names it with {@code mappedBy}. Fields are {@code Lazy<Target>} or plain.
 *
 * <pre>{@code
 * @OneToOne @JoinColumn(name = "user_id") Lazy<User> user;              // profile table holds user_id
 * @OneToOne(mappedBy = "user") Lazy<Profile> profile = Lazy.empty();    // on User
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OneToOne {
    /** On the side without the foreign key: the target's attribute that owns it. */
    String mappedBy() default "";

    Cascade[] cascade() default {};

    Strategy strategy() default Strategy.LAZY;
}
