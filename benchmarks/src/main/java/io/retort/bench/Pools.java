package io.retort.bench;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import java.time.Duration;

/** One pool configuration for every contender: r2dbc-pool, the same size, over a counting factory. */
public final class Pools {
    private Pools() {}

    public static ConnectionPool create(DriverOptions driver, int size, Counters counters, String name) {
        return new ConnectionPool(
                ConnectionPoolConfiguration.builder(new CountingConnectionFactory(driver.connectionFactory(), counters))
                        .name(name)
                        .initialSize(0)
                        .minIdle(0)
                        .maxSize(size)
                        .maxIdleTime(Duration.ofMinutes(30))
                        .maxAcquireTime(Duration.ofSeconds(60))
                        .build());
    }
}
