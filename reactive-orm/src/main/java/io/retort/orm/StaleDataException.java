package io.retort.orm;

import io.retort.core.RetortException;

/**
 * An UPDATE or DELETE of the flush matched fewer rows than objects: another transaction changed (its
 * {@code @Version}) or deleted them. The transaction is rolled back; reload and retry.
 *
 * <pre>{@code
 * sessions.inTransaction(s -> s.get(Ticket.class, 1).doOnNext(t -> t.close()))
 *         .retryWhen(Retry.max(3).filter(StaleDataException.class::isInstance));
 * }</pre>
 */
public class StaleDataException extends RetortException {
    private static final long serialVersionUID = 1L;

    public StaleDataException(String message) {
        super(message);
    }
}
