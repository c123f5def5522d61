package io.retort.dialects.h2;

import io.retort.dialect.Dialect;
import io.retort.dialect.Feature;
import io.retort.dialect.PlaceholderStyle;
import io.retort.dialect.ReservedWords;
import java.util.EnumSet;
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

    @Override
    protected Set<String> reservedWords() {
        return RESERVED;
    }

    /** An all-upper-case name (how H2 stores unquoted names) is reported in lower case. */
    @Override
    public String normalizeName(String name) {
        return name.equals(name.toUpperCase(Locale.ROOT)) ? name.toLowerCase(Locale.ROOT) : name;
    }
}
