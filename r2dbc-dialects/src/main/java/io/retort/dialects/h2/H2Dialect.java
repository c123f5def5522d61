package io.retort.dialects.h2;

import io.retort.dialect.Dialect;
import io.retort.dialect.Feature;
import io.retort.dialect.PlaceholderStyle;
import io.retort.dialect.ReservedWords;
import io.retort.dialect.SqlCompiler;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * H2 (embedded, in memory or on file) through r2dbc-h2: {@code $n} placeholders, {@code "double quoted"}
 * identifiers, MERGE for upserts. H2 folds unquoted names to upper case; Retort reports them in lower case
 * ({@link #normalizeName}), so rows read the same as on PostgreSQL.
 *
 * <pre>{@code
 * Engine engine = Engine.create("r2dbc:h2:mem:///tour");
 * engine.dialect().normalizeName("USER_ID");   // "user_id"
 * }</pre>
 */
public class H2Dialect extends Dialect {
    private static final Set<String> RESERVED = ReservedWords.with(
            ReservedWords.SQL_STANDARD,
            "CURRENT_CATALOG",
            "CURRENT_PATH",
            "CURRENT_ROLE",
            "CURRENT_SCHEMA",
            "DAY",
            "HOUR",
            "IF",
            "ILIKE",
            "INTERVAL",
            "LOCALTIME",
            "LOCALTIMESTAMP",
            "MINUS",
            "MINUTE",
            "MONTH",
            "QUALIFY",
            "REGEXP",
            "ROWNUM",
            "SECOND",
            "SYSDATE",
            "SYSTIME",
            "SYSTIMESTAMP",
            "TODAY",
            "TOP",
            "UESCAPE",
            "VALUE",
            "YEAR",
            "_ROWID_");

    public H2Dialect() {
        super(
                "h2",
                PlaceholderStyle.DOLLAR_NUMBERED,
                '"',
                EnumSet.of(
                        Feature.RETURNING,
                        Feature.INSERT_RETURNING,
                        Feature.UPDATE_RETURNING,
                        Feature.DELETE_RETURNING,
                        Feature.NULLS_ORDERING,
                        Feature.MULTI_ROW_INSERT,
                        Feature.SAVEPOINTS,
                        Feature.SEQUENCES,
                        Feature.NATIVE_UUID,
                        Feature.ARRAYS,
                        Feature.ILIKE,
                        Feature.TRANSACTIONAL_DDL));
    }

    @Override
    protected io.retort.dialect.TypeMap newTypeMap() {
        return new H2TypeMap(this);
    }

    @Override
    protected io.retort.dialect.DdlCompiler newDdlCompiler() {
        return new H2DdlCompiler(this);
    }

    @Override
    protected io.retort.dialect.Reflector newReflector() {
        return new H2Reflector(this);
    }

    @Override
    public int maxBindParameters() {
        return 32767;
    }

    /** The H2 compiler: OFFSET/FETCH, FINAL TABLE for RETURNING, MERGE for upserts. */
    @Override
    public SqlCompiler newCompiler() {
        return new H2Compiler(this);
    }

    @Override
    protected Set<String> reservedWords() {
        return RESERVED;
    }

    /** H2 returns inserted rows through a data-change delta table: {@code SELECT ... FROM FINAL TABLE (INSERT ...)}. */
    @Override
    public String insertReturning(String insertSql, List<String> columns) {
        return "SELECT " + quotedList(columns, "") + " FROM FINAL TABLE (" + insertSql + ")";
    }

    /**
     * H2 cannot infer the types of parameters in a VALUES list it does not insert, so an update by key is the
     * plain per-row form, sent as one {@code Statement.add()} batch:
     * {@code UPDATE t SET a = ?[, version = version + 1] WHERE id = ? [AND version = ?]}.
     */
    @Override
    protected String updateByKeyOf(String table, List<String> keys, String version, List<String> sets) {
        int offset = keys.size() + (version == null ? 0 : 1);
        StringBuilder sb = new StringBuilder("UPDATE ").append(table).append(" SET ");
        for (int i = 0; i < sets.size(); i++) {
            sb.append(i == 0 ? "" : ", ")
                    .append(quoteIdentifier(sets.get(i)))
                    .append(" = :p")
                    .append(offset + i);
        }
        if (version != null) {
            String v = quoteIdentifier(version);
            sb.append(", ").append(v).append(" = ").append(v).append(" + 1");
        }
        sb.append(" WHERE ");
        for (int i = 0; i < keys.size(); i++) {
            sb.append(i == 0 ? "" : " AND ")
                    .append(quoteIdentifier(keys.get(i)))
                    .append(" = :p")
                    .append(i);
        }
        if (version != null) {
            sb.append(" AND ").append(quoteIdentifier(version)).append(" = :p").append(keys.size());
        }
        return sb.toString();
    }

    /**
     * Quotes {@code identifier}; one holding a {@code ;} is written as a Unicode-escaped identifier
     * ({@code U&"a\003Bb"}), because r2dbc-h2 1.0 splits SQL text at every semicolon, even inside quotes, and
     * would run the pieces as separate statements.
     *
     * <pre>{@code
     * quote("a;b");    // U&"a\003Bb"
     * }</pre>
     */
    @Override
    public String quote(String identifier) {
        if (identifier.indexOf(';') < 0) {
            return super.quote(identifier);
        }
        StringBuilder sb = new StringBuilder("U&\"");
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            switch (c) {
                case ';' -> sb.append("\\003B");
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\"\"");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** An all-upper-case name (how H2 stores unquoted names) is reported in lower case. */
    @Override
    public String normalizeName(String name) {
        return name.equals(name.toUpperCase(Locale.ROOT)) ? name.toLowerCase(Locale.ROOT) : name;
    }
}
