package io.retort.bench;

import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.ConnectionFactory;

/**
 * The r2dbc-postgresql options that issue 9 asks to measure, plus where the server is.
 *
 * @param preparedStatementCacheQueries {@code -1} unlimited (the driver's default), {@code 0} no cache, {@code n}
 *     an LRU of n prepared statements per connection
 * @param forceBinary ask for binary transfer of all values (driver default {@code false})
 * @param fetchSize rows per fetch ({@code 0}, the default, fetches everything at once)
 */
public record DriverOptions(
        String label,
        String host,
        int port,
        String database,
        String user,
        int preparedStatementCacheQueries,
        boolean forceBinary,
        int fetchSize) {

    public DriverOptions withLabel(String l) {
        return new DriverOptions(l, host, port, database, user, preparedStatementCacheQueries, forceBinary, fetchSize);
    }

    public DriverOptions withPreparedStatementCache(int n) {
        return new DriverOptions(label, host, port, database, user, n, forceBinary, fetchSize);
    }

    public DriverOptions withForceBinary(boolean b) {
        return new DriverOptions(label, host, port, database, user, preparedStatementCacheQueries, b, fetchSize);
    }

    public DriverOptions withFetchSize(int n) {
        return new DriverOptions(label, host, port, database, user, preparedStatementCacheQueries, forceBinary, n);
    }

    public ConnectionFactory connectionFactory() {
        PostgresqlConnectionConfiguration.Builder b = PostgresqlConnectionConfiguration.builder()
                .host(host)
                .port(port)
                .database(database)
                .username(user)
                .applicationName("retort-bench")
                .preparedStatementCacheQueries(preparedStatementCacheQueries)
                .forceBinary(forceBinary);
        if (fetchSize > 0) {
            b.fetchSize(fetchSize);
        }
        return new PostgresqlConnectionFactory(b.build());
    }

    public String describe() {
        return "preparedStatementCacheQueries=" + preparedStatementCacheQueries + ", forceBinary=" + forceBinary
                + ", fetchSize=" + fetchSize;
    }
}
