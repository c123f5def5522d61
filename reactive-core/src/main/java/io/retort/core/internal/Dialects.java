package io.retort.core.internal;

import io.retort.core.InvalidRequestException;
import io.retort.dialect.Dialect;
import io.retort.dialect.DialectProvider;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds {@link DialectProvider}s on the class path. */
public final class Dialects {
    private static volatile List<DialectProvider> providers;

    private Dialects() {}

    static List<DialectProvider> providers() {
        List<DialectProvider> p = providers;
        if (p == null) {
            p = ServiceLoader.load(DialectProvider.class, Dialects.class.getClassLoader()).stream()
                    .map(ServiceLoader.Provider::get)
                    .collect(Collectors.toUnmodifiableList());
            providers = p;
        }
        return p;
    }

    public static Dialect byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (DialectProvider p : providers()) {
            if (p.name().equals(n) || p.driverNames().contains(n)) {
                return p.create();
            }
        }
        throw unknown("dialect '" + name + "'");
    }

    public static Dialect forDriver(String driver) {
        String d = driver.toLowerCase(Locale.ROOT);
        for (DialectProvider p : providers()) {
            if (p.driverNames().contains(d)) {
                return p.create();
            }
        }
        throw unknown("R2DBC driver '" + driver + "'");
    }

    public static Dialect forProduct(String product) {
        for (DialectProvider p : providers()) {
            if (p.matchesProduct(product)) {
                return p.create();
            }
        }
        throw unknown("database product '" + product + "'");
    }

    private static InvalidRequestException unknown(String what) {
        String known = providers().isEmpty()
                ? "none (add io.retort:r2dbc-dialects to the class path)"
                : providers().stream()
                        .map(p -> p.name() + " (drivers: " + String.join(", ", p.driverNames()) + ")")
                        .sorted()
                        .collect(Collectors.joining(", "));
        return new InvalidRequestException("No Retort dialect for " + what + "; known dialects: " + known);
    }
}
