package io.retort.testing;

import io.retort.dialect.Feature;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link BackendTest} that only means something where the dialect has these features. On a backend without
 * them the invocation is reported as skipped with the reason (visible in the test report), never hidden.
 *
 * <pre>{@code
 * @BackendTest @RequiresFeature(Feature.RETURNING)
 * void returnsIds(Backend db) { ... }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresFeature {
    Feature[] value();
}
