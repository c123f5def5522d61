package io.retort.core;

/**
 * No pooled connection became free within {@link EngineOptions#acquireTimeout()}. The message says how the
 * pool stood (max size, acquired, pending) when the wait gave up.
 *
 * <pre>{@code
 * engine.connect(c -> c.execute(text("SELECT 1")))
 *       .onErrorResume(PoolTimeoutException.class, e -> Flux.error(new ServiceUnavailable()));
 * }</pre>
 */
public class PoolTimeoutException extends RetortException {
    private static final long serialVersionUID = 1L;

    public PoolTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
