package io.retort.orm;

import io.retort.core.InvalidRequestException;

/**
 * {@code one()} or {@code oneOrNone()} found more than one row.
 *
 * <pre>{@code
 * session.select(User.class).one();
 * // -> MultipleResultsException: Expected at most one User, found several
 * }</pre>
 */
public class MultipleResultsException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    public MultipleResultsException(String message) {
        super(message);
    }
}
