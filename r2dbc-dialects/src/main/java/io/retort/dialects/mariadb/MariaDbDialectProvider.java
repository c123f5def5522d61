package io.retort.dialects.mariadb;

import io.retort.dialect.Dialect;
import io.retort.dialect.DialectProvider;
import java.util.Locale;
import java.util.Set;

/**
 * Registers {@link MariaDbDialect} for the R2DBC drivers {@code mariadb} and {@code mysql}.
 *
 * <pre>{@code
 * Engine.create("r2dbc:mariadb://root@127.0.0.1:3306/test").dialect().name();   // "mariadb"
 * }</pre>
 */
public final class MariaDbDialectProvider implements DialectProvider {
    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    public Set<String> driverNames() {
        return Set.of("mariadb", "mysql");
    }

    @Override
    public boolean matchesProduct(String productName) {
        String p = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        return p.contains("mariadb") || p.contains("mysql");
    }

    @Override
    public Dialect create() {
        return new MariaDbDialect();
    }
}
