package io.retort.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How constraints and indexes without an explicit name are named, SQLAlchemy's {@code naming_convention}. Keys
 * are {@code "ix"}, {@code "uq"}, {@code "ck"}, {@code "fk"} and {@code "pk"}; templates use the tokens
 * {@code %(table_name)s}, {@code %(column_0_name)s}, {@code %(column_0N_name)s} (all columns joined by
 * {@code _}), {@code %(referred_table_name)s} and {@code %(referred_column_0_name)s}. A kind without a
 * template is left to the database to name. Names longer than 63 characters are cut and end in a
 * deterministic hash.
 *
 * <pre>{@code
 * MetaData metadata = new MetaData(NamingConvention.defaults()
 *         .with("uq", "uq_%(table_name)s_%(column_0N_name)s")
 *         .with("fk", "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s"));
 * }</pre>
 */
public final class NamingConvention {
    /** The longest name produced: PostgreSQL's identifier limit. */
    public static final int MAX_LENGTH = 63;

    private static final NamingConvention DEFAULTS =
            new NamingConvention(Map.of("ix", "ix_%(table_name)s_%(column_0N_name)s"));

    private final Map<String, String> templates;

    private NamingConvention(Map<String, String> templates) {
        this.templates = Map.copyOf(templates);
    }

    /** Only indexes are named: {@code ix_<table>_<columns>}. */
    public static NamingConvention defaults() {
        return DEFAULTS;
    }

    /** A convention with exactly these templates. */
    public static NamingConvention of(Map<String, String> templates) {
        return new NamingConvention(templates);
    }

    /** This convention plus (or replacing) the template for {@code kind}. */
    public NamingConvention with(String kind, String template) {
        Map<String, String> m = new HashMap<>(templates);
        m.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(template, "template"));
        return new NamingConvention(m);
    }

    /** The template for {@code kind}, or {@code null}. */
    public String template(String kind) {
        return templates.get(kind);
    }

    /**
     * The name for a constraint of {@code kind}, or {@code null} when the convention has no template for it.
     *
     * <pre>{@code
     * NamingConvention.defaults().name("ix", "users", List.of("email"), null, List.of());   // ix_users_email
     * }</pre>
     */
    public String name(
            String kind, String table, List<String> columns, String referredTable, List<String> referredColumns) {
        String t = templates.get(kind);
        if (t == null) {
            return null;
        }
        String n = t.replace("%(table_name)s", table)
                .replace("%(column_0N_name)s", String.join("_", columns))
                .replace("%(column_0_name)s", columns.isEmpty() ? "" : columns.get(0))
                .replace("%(referred_table_name)s", referredTable == null ? "" : referredTable)
                .replace(
                        "%(referred_column_0_name)s",
                        referredColumns == null || referredColumns.isEmpty() ? "" : referredColumns.get(0));
        return truncate(n);
    }

    /** {@code name} itself when short enough, else its first characters and a hash of the whole. */
    public static String truncate(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(name.getBytes(StandardCharsets.UTF_8));
            String hash = HexFormat.of().formatHex(d, 0, 4);
            return name.substring(0, MAX_LENGTH - hash.length() - 1) + "_" + hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "NamingConvention" + templates;
    }
}
