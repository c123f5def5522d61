package io.retort.core;

/**
 * Observes every statement an {@link Engine} sends: before it is executed and after it finished (completed,
 * failed or was cancelled). Listeners run synchronously on the thread that executes the statement, so they
 * must be quick and must not block; an exception thrown by a listener is logged and ignored.
 *
 * <pre>{@code
 * Disposable off = engine.addListener(new StatementListener() {
 *     public void beforeExecute(StatementEvent e) { count.incrementAndGet(); }
 * });
 * ...
 * off.dispose();
 * }</pre>
 */
public interface StatementListener {

    /** Called just before the statement is handed to the driver. */
    default void beforeExecute(StatementEvent event) {}

    /** Called once the statement completed, failed or was cancelled; {@link StatementEvent#finished()} is true. */
    default void afterExecute(StatementEvent event) {}
}
