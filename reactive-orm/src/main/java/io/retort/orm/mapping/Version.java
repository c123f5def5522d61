package io.retort.orm.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An optimistic-lock counter (an integral field). Every UPDATE increments it and checks the old value; when no
 * row matches, the flush fails with a stale-data error naming the entity and id, and the transaction rolls
 * back (SQLAlchemy's {@code version_id_col}).
 *
 * <pre>{@code
 * @Version int version;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Version {}
