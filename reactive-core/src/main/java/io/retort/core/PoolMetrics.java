package io.retort.core;

/**
 * A snapshot of the engine's connection pool.
 *
 * <pre>{@code
 * PoolMetrics m = engine.poolMetrics();
 * log.info("{} acquired, {} idle, {} waiting (max {})", m.acquired(), m.idle(), m.pending(), m.maxSize());
 * }</pre>
 *
 * @param acquired connections currently handed out
 * @param idle connections open and waiting in the pool
 * @param allocated connections open in total (acquired + idle)
 * @param pending subscribers waiting for a connection
 * @param maxSize the configured maximum
 */
public record PoolMetrics(int acquired, int idle, int allocated, int pending, int maxSize) {}
