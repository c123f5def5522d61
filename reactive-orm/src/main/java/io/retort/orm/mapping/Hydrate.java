package io.retort.orm.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The constructor Retort calls to create objects loaded from the database, when the class has no no-arg
 * constructor. Its parameters are matched to attributes by name (compile with {@code -parameters}); attributes
 * it does not take are set afterwards.
 *
 * <pre>{@code
 * @Hydrate
 * User(Long id, String name) { this.id = id; this.name = name; }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.CONSTRUCTOR)
public @interface Hydrate {}
