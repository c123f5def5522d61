package io.retort.core;

/**
 * A value read from the database cannot become the Java type that was asked for.
 *
 * <pre>{@code
 * row.get("name", Integer.class);
 * // -> TypeConversionException: Column 'name' holds a java.lang.String ('sandy'), which cannot be read as java.lang.Integer
 * }</pre>
 */
public class TypeConversionException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    public TypeConversionException(String message) {
        super(message);
    }

    public TypeConversionException(String message, Throwable cause) {
        super(message, cause);
    }
}
