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

    /**
     * R2DBC driver options this dialect sets on engines created from a URL, unless the URL sets them itself
     * (measured defaults, see docs/performance.md); empty by default. Option names are the driver's.
     *
     * <pre>{@code
     * postgres.driverOptionDefaults();   // {forceBinary=true, preparedStatementCacheQueries=256}
     * Engine.create("r2dbc:postgresql://127.0.0.1/test?forceBinary=false");   // the URL wins
     * }</pre>
     */
    public java.util.Map<String, String> driverOptionDefaults() {
        return java.util.Map.of();
    }

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

    /**
     * {@code insertSql} (an {@code INSERT ... VALUES (...)} text with named parameters) turned into a statement
     * that returns {@code columns} of the inserted rows, in insertion order: {@code ... RETURNING a, b} by
     * default; H2 overrides it. Fails where the database cannot return rows from an INSERT.
     *
     * <pre>{@code
     * dialect.insertReturning("INSERT INTO users (name) VALUES (:name)", List.of("id"));
     * // PostgreSQL, MariaDB: INSERT INTO users (name) VALUES (:name) RETURNING id
     * // H2:                  SELECT id FROM FINAL TABLE (INSERT INTO users (name) VALUES (:name))
     * }</pre>
     */
    public String insertReturning(String insertSql, java.util.List<String> columns) {
        if (!supports(Feature.RETURNING) && !supports(Feature.INSERT_RETURNING)) {
            throw new io.retort.core.InvalidRequestException(
                    "Dialect '" + name + "' cannot return rows from an INSERT (no RETURNING)");
        }
        return insertSql + " RETURNING " + quotedList(columns, "");
    }

    /**
     * An UPDATE of many rows by key in one statement, as SQLAlchemy's ORM "bulk UPDATE by primary key" needs:
     * its single {@code VALUES (...)} group is repeated per row by an executemany. Parameters are named
     * {@code p0, p1, ...}: first the key columns, then the version column (if any), then the set columns. With a
     * version column the statement matches only rows whose version equals the given one and increments it; the
     * caller compares the update count with the number of rows. The default is PostgreSQL's
     * {@code UPDATE ... FROM (VALUES ...)}, whose rows are locked in key order by a sub-select
     * {@code ... ORDER BY key FOR UPDATE}: the join's plan decides the order in which a bare UPDATE ... FROM locks
     * rows, and two flushes that lock overlapping rows in different orders deadlock. Dialects override it.
     *
     * <pre>{@code
     * dialect.updateByKey("users", List.of("id"), null, List.of("name"));
     * // UPDATE users SET name = v.c1 FROM (SELECT v.c0, v.c1 FROM (VALUES (:p0, :p1)) AS v(c0, c1)
     * //   JOIN users AS k ON k.id = v.c0 ORDER BY k.id FOR UPDATE OF k) AS v WHERE users.id = v.c0
     * }</pre>
     */
    public String updateByKey(String table, java.util.List<String> keys, String version, java.util.List<String> sets) {
        return updateByKey(null, table, keys, version, sets);
    }

    /**
     * {@link #updateByKey(String, java.util.List, String, java.util.List)} of a table in {@code schema} ({@code null}
     * for none): {@code UPDATE s.t SET ...}.
     */
    public String updateByKey(
            String schema, String table, java.util.List<String> keys, String version, java.util.List<String> sets) {
        String t = schema == null ? quoteIdentifier(table) : quoteIdentifier(schema) + "." + quoteIdentifier(table);
        return updateByKeyOf(t, keys, version, sets);
    }

    /** The UPDATE by key of the already quoted (and maybe schema-qualified) table {@code t}; dialects override it. */
    protected String updateByKeyOf(String t, java.util.List<String> keys, String version, java.util.List<String> sets) {
        StringBuilder sb = new StringBuilder("UPDATE ").append(t).append(" SET ");
        sb.append(assignments(sets, keys.size() + (version == null ? 0 : 1), "", "v."));
        if (version != null) {
            sb.append(", ")
                    .append(quoteIdentifier(version))
                    .append(" = v.c")
                    .append(keys.size())
                    .append(" + 1");
        }
        int n = keys.size() + (version == null ? 0 : 1) + sets.size();
        sb.append(" FROM (SELECT ");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ").append("v.c").append(i);
        }
        sb.append(" FROM (VALUES (")
                .append(params(n))
                .append(")) AS v(")
                .append(aliases(n))
                .append(") JOIN ")
                .append(t)
                .append(" AS k ON ")
                .append(keyMatch("k", keys, null))
                .append(" ORDER BY ");
        for (int i = 0; i < keys.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append("k.").append(quoteIdentifier(keys.get(i)));
        }
        sb.append(" FOR UPDATE OF k) AS v WHERE ").append(keyMatch(t, keys, version));
        return sb.toString();
    }

    /** {@code "p0, p1"} style named parameters, as {@code :p0, :p1, ...}. */
    protected static String params(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ").append(":p").append(i);
        }
        return sb.toString();
    }

    /** {@code c0, c1, ...}. */
    protected static String aliases(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ").append('c').append(i);
        }
        return sb.toString();
    }

    /** {@code set_i = <source>c<offset+i>} for each set column. */
    protected String assignments(java.util.List<String> sets, int offset, String targetPrefix, String source) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sets.size(); i++) {
            sb.append(i == 0 ? "" : ", ")
                    .append(targetPrefix)
                    .append(quoteIdentifier(sets.get(i)))
                    .append(" = ")
                    .append(source)
                    .append('c')
                    .append(offset + i);
        }
        return sb.toString();
    }

    /** {@code t.k0 = v.c0 AND ... [AND t.version = v.cK]}. */
    protected String keyMatch(String quotedTable, java.util.List<String> keys, String version) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            sb.append(i == 0 ? "" : " AND ")
                    .append(quotedTable)
                    .append('.')
                    .append(quoteIdentifier(keys.get(i)))
                    .append(" = v.c")
                    .append(i);
        }
        if (version != null) {
            sb.append(" AND ")
                    .append(quotedTable)
                    .append('.')
                    .append(quoteIdentifier(version))
                    .append(" = v.c")
                    .append(keys.size());
        }
        return sb.toString();
    }

    /** The names quoted and comma-separated, each prefixed. */
    protected String quotedList(java.util.List<String> names, String prefix) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(prefix).append(quoteIdentifier(names.get(i)));
        }
        return sb.toString();
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
