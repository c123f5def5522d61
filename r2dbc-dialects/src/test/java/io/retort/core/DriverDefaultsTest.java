package io.retort.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import io.retort.core.internal.DriverDefaults;
import io.retort.dialects.h2.H2Dialect;
import io.retort.dialects.postgresql.PostgresDialect;
import org.junit.jupiter.api.Test;

/** The dialects' measured driver defaults reach URL-created engines, and a URL that sets an option keeps it. */
class DriverDefaultsTest {
    private static final Option<Object> FORCE_BINARY = Option.valueOf("forceBinary");
    private static final Option<Object> CACHE = Option.valueOf("preparedStatementCacheQueries");

    @Test
    void postgresqlUrlsGetBinaryTransferAndABoundedStatementCache() {
        ConnectionFactoryOptions o = DriverDefaults.apply(
                ConnectionFactoryOptions.parse("r2dbc:postgresql://postgres@127.0.0.1:5432/test"),
                new PostgresDialect());
        assertThat(o.getValue(FORCE_BINARY)).isEqualTo("true");
        assertThat(o.getValue(CACHE)).isEqualTo("256");
        assertThat(o.getValue(ConnectionFactoryOptions.DATABASE)).isEqualTo("test");
    }

    @Test
    void anOptionTheUrlSetsIsKept() {
        ConnectionFactoryOptions o = DriverDefaults.apply(
                ConnectionFactoryOptions.parse(
                        "r2dbc:postgresql://postgres@127.0.0.1:5432/test?forceBinary=false&preparedStatementCacheQueries=-1"),
                new PostgresDialect());
        assertThat(o.getValue(FORCE_BINARY)).isEqualTo("false");
        assertThat(o.getValue(CACHE)).isEqualTo("-1");
    }

    @Test
    void dialectsWithoutDefaultsLeaveTheOptionsAlone() {
        ConnectionFactoryOptions parsed = ConnectionFactoryOptions.parse("r2dbc:h2:mem:///x");
        assertThat(DriverDefaults.apply(parsed, new H2Dialect())).isSameAs(parsed);
    }
}
