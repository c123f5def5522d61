package io.retort.core;

/**
 * The database rolled the transaction back on its own: a serialization failure or a deadlock (SQLSTATE
 * class 40). Retrying the whole transaction is usually the right answer.
 *
 * <pre>{@code
 * engine.transaction(IsolationLevel.SERIALIZABLE, work)
 *       .retryWhen(Retry.max(3).filter(TransactionRollbackException.class::isInstance));
 * }</pre>
 */
public class TransactionRollbackException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public TransactionRollbackException(String message, String sql, String sqlState, Throwable cause) {
        super(message, sql, sqlState, cause);
    }
}
