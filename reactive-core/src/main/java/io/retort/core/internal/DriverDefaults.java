package io.retort.core.internal;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import io.retort.dialect.Dialect;
import java.util.Map;

/**
 * Adds a dialect's {@link Dialect#driverOptionDefaults() driver option defaults} to the options parsed from a URL,
 * leaving every option the URL sets as the URL sets it.
 *
 * <pre>{@code
 * DriverDefaults.apply(ConnectionFactoryOptions.parse("r2dbc:postgresql://127.0.0.1/test"), postgres);
 * // ... forceBinary=true, preparedStatementCacheQueries=256
 * }</pre>
 */
public final class DriverDefaults {
    private DriverDefaults() {}

    /** {@code parsed} with the dialect's defaults for the options it does not set. */
    public static ConnectionFactoryOptions apply(ConnectionFactoryOptions parsed, Dialect dialect) {
        Map<String, String> defaults = dialect.driverOptionDefaults();
        if (defaults.isEmpty()) {
            return parsed;
        }
        ConnectionFactoryOptions.Builder b = parsed.mutate();
        boolean changed = false;
        for (Map.Entry<String, String> e : defaults.entrySet()) {
            Option<Object> option = Option.valueOf(e.getKey());
            if (!parsed.hasOption(option)) {
                b.option(option, e.getValue());
                changed = true;
            }
        }
        return changed ? b.build() : parsed;
    }
}
