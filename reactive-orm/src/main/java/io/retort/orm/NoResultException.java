package io.retort.orm;

import io.retort.core.InvalidRequestException;

/**
 * {@code one()} found no row.
 *
 * <pre>{@code
 * session.select(User.class).where(User_.name.eq("nobody")).one();
 * // -> NoResultException: Expected exactly one User, found none
 * }</pre>
 */
public class NoResultException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    public NoResultException(String message) {
        super(message);
    }
}
