package io.retort.orm;

import io.retort.core.InvalidRequestException;

/**
 * A class cannot be mapped as written: no {@code @Id}, a field type Retort cannot store, two fields on one
 * column, a final field. Raised when the {@link SessionFactory} is built, naming the class and field.
 *
 * <pre>{@code
 * SessionFactory.builder(engine).entities(NoId.class).build();
 * // -> MappingException: Entity com.example.NoId has no @Id field; mark its primary key with @Id
 * }</pre>
 */
public class MappingException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
