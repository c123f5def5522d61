package io.retort.core;

/**
 * A constraint was violated: unique, primary key, foreign key, not-null or check (SQLSTATE class 23).
 *
 * <pre>{@code
 * engine.transaction(c -> c.executeUpdate(insert(users), Map.of("id", 1, "name", "dup")))
 *       .onErrorResume(IntegrityViolationException.class, e -> Mono.empty());
 * }</pre>
 */
public class IntegrityViolationException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public IntegrityViolationException(String message, String sql, String sqlState, Throwable cause) {
        super(message, sql, sqlState, cause);
    }
}
