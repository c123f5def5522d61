package io.retort.orm.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A foreign key on a plain column attribute (SQLAlchemy's {@code mapped_column(ForeignKey("user_account.id"))}).
 * The flush orders INSERTs and DELETEs by these dependencies.
 *
 * <pre>{@code
 * @References("user_account.id") Long userId;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface References {
    /** The referenced column as {@code "table.column"}. */
    String value();
}
