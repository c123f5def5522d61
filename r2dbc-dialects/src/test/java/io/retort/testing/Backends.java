package io.retort.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backends of the matrix. {@code RETORT_BACKENDS} (default {@code h2,postgresql,mariadb}) chooses which
 * run; {@code RETORT_H2_URL}, {@code RETORT_POSTGRESQL_URL} and {@code RETORT_MARIADB_URL} override the URLs.
 * A chosen backend that cannot be reached fails the test with instructions, never skips it.
 *
 * <pre>{@code
 * RETORT_BACKENDS=h2 mvn verify
 * }</pre>
 */
public final class Backends {
    private static final Map<String, Backend> ALL = new LinkedHashMap<>();

    static {
        ALL.put(
                "h2",
                new Backend(
                        "h2",
                        env("RETORT_H2_URL", "r2dbc:h2:mem:///retort_test?options=DB_CLOSE_DELAY=-1"),
                        "nothing to start: H2 runs in memory"));
        ALL.put(
                "postgresql",
                new Backend(
                        "postgresql",
                        env("RETORT_POSTGRESQL_URL", "r2dbc:postgresql://postgres@127.0.0.1:5432/test"),
                        "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"));
        ALL.put(
                "mariadb",
                new Backend(
                        "mariadb",
                        env("RETORT_MARIADB_URL", "r2dbc:mariadb://root@127.0.0.1:3306/test"),
                        "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd"));
    }

    private Backends() {}

    /** The backends chosen by {@code RETORT_BACKENDS}, in matrix order. */
    public static List<Backend> selected() {
        String chosen = env("RETORT_BACKENDS", "h2,postgresql,mariadb");
        List<Backend> out = new ArrayList<>();
        for (String n : chosen.split(",")) {
            String name = n.trim().toLowerCase();
            if (name.isEmpty()) {
                continue;
            }
            Backend b = ALL.get(name);
            if (b == null) {
                throw new IllegalArgumentException(
                        "RETORT_BACKENDS names unknown backend '" + name + "'; known: " + ALL.keySet());
            }
            out.add(b);
        }
        return out;
    }

    /** One backend by name. */
    public static Backend get(String name) {
        return ALL.get(name);
    }

    private static String env(String key, String def) {
        String v = System.getenv(key);
        if (v == null || v.isBlank()) {
            v = System.getProperty(key);
        }
        return v == null || v.isBlank() ? def : v;
    }
}
