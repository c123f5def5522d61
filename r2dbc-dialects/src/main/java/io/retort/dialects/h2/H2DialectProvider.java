package io.retort.dialects.h2;

import io.retort.dialect.Dialect;
import io.retort.dialect.DialectProvider;
import java.util.Set;

/**
 * Registers {@link H2Dialect} for the R2DBC driver {@code h2}.
 *
 * <pre>{@code
 * Engine.create("r2dbc:h2:mem:///tour").dialect().name();   // "h2"
 * }</pre>
 */
public final class H2DialectProvider implements DialectProvider {
    @Override
    public String name() {
        return "h2";
    }

    @Override
    public Set<String> driverNames() {
        return Set.of("h2");
    }

    @Override
    public boolean matchesProduct(String productName) {
        return "H2".equalsIgnoreCase(productName);
    }

    @Override
    public Dialect create() {
        return new H2Dialect();
    }
}
