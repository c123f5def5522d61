package io.retort.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test method once per backend of the matrix (H2, PostgreSQL, MariaDB), each time on a clean schema,
 * with a {@link Backend} (or its {@code Engine}, or its {@link StatementRecorder}) as a parameter.
 *
 * <pre>{@code
 * @BackendTest
 * void insertsAndReads(Backend db, Engine engine) { ... }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(BackendMatrixExtension.class)
public @interface BackendTest {}
