package io.retort.dialect;

import io.retort.sql.Executable;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Everything Retort knows about one database: its name, how it writes placeholders and quotes identifiers,
 * which {@link Feature}s it has, and its compilers. One subclass per database lives in {@code r2dbc-dialects}
 * and is found through {@link DialectProvider} ({@code ServiceLoader}) from the R2DBC URL's driver name.
 *
 * <pre>{@code
 * Dialect d = engine.dialect();
 * d.name();                          // "postgresql"
 * d.quoteIdentifier("user");         // "\"user\"" (a reserved word)
 * d.supports(Feature.RETURNING);     // true
 * }</pre>
 */
public abstract class Dialect {
    private final String name;
    private final PlaceholderStyle placeholderStyle;
    private final char quote;
    private final Set<Feature> features;

    protected Dialect(String name, PlaceholderStyle placeholderStyle, char identifierQuote, Set<Feature> features) {
        this.name = name;
        this.placeholderStyle = placeholderStyle;
        this.quote = identifierQuote;
        this.features =
                features.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(features));
    }

    /** The dialect's name: {@code "postgresql"}, {@code "mariadb"} or {@code "h2"}. */
    public final String name() {
        return name;
    }

    /** How placeholders are written in SQL text. */
    public final PlaceholderStyle placeholderStyle() {
        return placeholderStyle;
    }

    /** {@code true} if the database has {@code feature}. */
    public final boolean supports(Feature feature) {
        return features.contains(feature);
    }

    /** The features this database has. */
    public final Set<Feature> features() {
        return features;
    }

    /** Shorthand for {@code supports(Feature.RETURNING)}. */
    public final boolean supportsReturning() {
        return supports(Feature.RETURNING);
    }

    /** Shorthand for {@code supports(Feature.MULTI_ROW_INSERT)}. */
    public final boolean supportsMultiRowInsert() {
        return supports(Feature.MULTI_ROW_INSERT);
    }

    /** The character identifiers are quoted with ({@code "} or {@code `}). */
    public final char identifierQuote() {
        return quote;
    }

    /** The most bind parameters one statement may carry on this database/driver. */
    public abstract int maxBindParameters();

    /** Words that must be quoted when used as identifiers, upper case. */
    protected abstract Set<String> reservedWords();

    /**
     * The identifier as it must appear in SQL: unchanged when it is a plain lower-case name, quoted when it is
     * a reserved word, has upper-case letters, starts with a digit or holds any other character. A quote
     * character inside the name is doubled, never passed through.
     *
     * <pre>{@code
     * quoteIdentifier("users");      // users
     * quoteIdentifier("order");      // "order"     (MariaDB: `order`)
     * quoteIdentifier("UserName");   // "UserName"
     * quoteIdentifier("a\"b");       // "a""b"
     * }</pre>
     */
    public String quoteIdentifier(String identifier) {
        return requiresQuotes(identifier) ? quote(identifier) : identifier;
    }

    /** The identifier quoted unconditionally, with embedded quote characters doubled. */
    public String quote(String identifier) {
        String q = String.valueOf(quote);
        return q + identifier.replace(q, q + q) + q;
    }

    /** {@code true} when {@link #quoteIdentifier} must quote this name. */
    public boolean requiresQuotes(String identifier) {
        if (identifier.isEmpty()) {
            return true;
        }
        char first = identifier.charAt(0);
        if (!(first >= 'a' && first <= 'z') && first != '_') {
            return true;
        }
        for (int i = 1; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$')) {
                return true;
            }
        }
        return reservedWords().contains(identifier.toUpperCase(Locale.ROOT));
    }

    /**
     * A column or table name as reported by the database, normalised to how Retort spells it. Databases that
     * fold unquoted names to upper case (H2) report {@code NAME}; this returns {@code name}, so
     * {@code row.asMap()} has the same keys on every backend (SQLAlchemy's {@code normalize_name}).
     */
    public String normalizeName(String name) {
        return name;
    }

    /** The SQL the pool uses to check a connection when pre-ping is on. */
    public String validationQuery() {
        return "SELECT 1";
    }

    /** A new statement compiler for this dialect (single use). */
    public SqlCompiler newCompiler() {
        return new SqlCompiler(this);
    }

    /** Compiles {@code statement} for this dialect (without caching; the engine caches). DDL goes to {@link #ddlCompiler()}. */
    public CompiledStatement compile(Executable statement) {
        if (statement instanceof io.retort.schema.DdlStatement ddl) {
            return ddlCompiler().compile(ddl);
        }
        CompiledStatement c = newCompiler().compile(statement);
        if (statement instanceof io.retort.sql.TextClause t && !t.resultTypes().isEmpty()) {
            c = c.withResultTypes(t.resultTypes());
        }
        return c;
    }

    private volatile TypeMap typeMap;
    private volatile DdlCompiler ddlCompiler;
    private volatile Reflector reflector;

    /**
     * This database's type map: DDL names and driver conversions of every {@link io.retort.types.SqlType}.
     *
     * <pre>{@code
     * engine.dialect().typeMap().ddl(Types.UUID);   // MariaDB: CHAR(36)
     * }</pre>
     */
    public final TypeMap typeMap() {
        TypeMap t = typeMap;
        if (t == null) {
            typeMap = t = newTypeMap();
        }
        return t;
    }

    /** This database's DDL compiler. */
    public final DdlCompiler ddlCompiler() {
        DdlCompiler d = ddlCompiler;
        if (d == null) {
            ddlCompiler = d = newDdlCompiler();
        }
        return d;
    }

    /**
     * This database's catalog queries for reflection.
     *
     * @throws io.retort.core.InvalidRequestException when the dialect has none
     */
    public final Reflector reflector() {
        Reflector r = reflector;
        if (r == null) {
            reflector = r = newReflector();
        }
        return r;
    }

    /** Creates the type map (override per dialect; the generic one speaks ANSI SQL). */
    protected TypeMap newTypeMap() {
        return new TypeMap(this);
    }

    /** Creates the DDL compiler (override per dialect). */
    protected DdlCompiler newDdlCompiler() {
        return new DdlCompiler(this);
    }

    /** Creates the reflection queries (override per dialect; the generic dialect has none). */
    protected Reflector newReflector() {
        throw new io.retort.core.InvalidRequestException("Dialect '" + name + "' cannot reflect schemas");
    }

    @Override
    public String toString() {
        return name;
    }
}
