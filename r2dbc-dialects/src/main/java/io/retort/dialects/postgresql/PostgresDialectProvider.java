package io.retort.dialects.postgresql;

import io.retort.dialect.Dialect;
import io.retort.dialect.DialectProvider;
import java.util.Locale;
import java.util.Set;

/**
 * Registers {@link PostgresDialect} for the R2DBC drivers {@code postgresql} and {@code postgres}.
 *
 * <pre>{@code
 * Engine.create("r2dbc:postgresql://127.0.0.1:5432/test").dialect().name();   // "postgresql"
 * }</pre>
 */
public final class PostgresDialectProvider implements DialectProvider {
    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public Set<String> driverNames() {
        return Set.of("postgresql", "postgres");
    }

    @Override
    public boolean matchesProduct(String productName) {
        return productName != null && productName.toLowerCase(Locale.ROOT).contains("postgres");
    }

    @Override
    public Dialect create() {
        return new PostgresDialect();
    }
}
