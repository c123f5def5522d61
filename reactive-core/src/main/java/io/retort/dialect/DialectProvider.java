package io.retort.dialect;

import java.util.Set;

/**
 * Registers a {@link Dialect} with Retort through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.retort.dialect.DialectProvider}). The engine picks the provider whose
 * {@link #driverNames()} holds the R2DBC URL's driver ({@code r2dbc:<driver>:...}), or, for a
 * {@code ConnectionFactory} brought by the user, whose {@link #matchesProduct(String)} accepts the factory's
 * metadata name.
 *
 * <pre>{@code
 * public final class PostgresDialectProvider implements DialectProvider {
 *     public String name() { return "postgresql"; }
 *     public Set<String> driverNames() { return Set.of("postgresql", "postgres"); }
 *     public boolean matchesProduct(String product) { return product.toLowerCase().contains("postgres"); }
 *     public Dialect create() { return new PostgresDialect(); }
 * }
 * }</pre>
 */
public interface DialectProvider {

    /** The dialect's name, as {@link Dialect#name()}. */
    String name();

    /** The R2DBC driver identifiers this dialect serves, lower case. */
    Set<String> driverNames();

    /** {@code true} if a {@code ConnectionFactoryMetadata.getName()} belongs to this database. */
    boolean matchesProduct(String productName);

    /** A dialect instance. */
    Dialect create();
}
