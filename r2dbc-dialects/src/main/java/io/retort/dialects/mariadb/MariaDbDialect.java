package io.retort.dialects.mariadb;

import io.retort.dialect.Dialect;
import io.retort.dialect.Feature;
import io.retort.dialect.PlaceholderStyle;
import io.retort.dialect.ReservedWords;
import io.retort.dialect.SqlCompiler;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * MariaDB (and MySQL URLs) through r2dbc-mariadb: {@code ?} placeholders, {@code `backtick`} identifiers,
 * multi-row INSERT, sequences (MariaDB 10.3 and later), ON DUPLICATE KEY UPDATE. Retort assumes MariaDB 10.5
 * or later (INSERT/DELETE ... RETURNING).
 *
 * <pre>{@code
 * Engine engine = Engine.create("r2dbc:mariadb://root@127.0.0.1:3306/test");
 * engine.dialect().quoteIdentifier("order");   // `order`
 * }</pre>
 */
public class MariaDbDialect extends Dialect {
    private static final Set<String> RESERVED = ReservedWords.with(
            ReservedWords.SQL_STANDARD,
            "ACCESSIBLE",
            "ADD",
            "ANALYZE",
            "BEFORE",
            "BIGINT",
            "BINARY",
            "BLOB",
            "CALL",
            "CASCADE",
            "CHANGE",
            "CHAR",
            "CHARACTER",
            "CONDITION",
            "CONTINUE",
            "CONVERT",
            "DATABASE",
            "DATABASES",
            "DAY_HOUR",
            "DEC",
            "DECIMAL",
            "DECLARE",
            "DELAYED",
            "DESCRIBE",
            "DISTINCTROW",
            "DIV",
            "DOUBLE",
            "DUAL",
            "EACH",
            "ELSEIF",
            "ENCLOSED",
            "ESCAPED",
            "EXIT",
            "EXPLAIN",
            "FLOAT",
            "FORCE",
            "FULLTEXT",
            "HIGH_PRIORITY",
            "IF",
            "IGNORE",
            "INDEX",
            "INFILE",
            "INT",
            "INTEGER",
            "INTERVAL",
            "ITERATE",
            "KEYS",
            "KILL",
            "LEAVE",
            "LINES",
            "LOAD",
            "LOCK",
            "LONG",
            "LOOP",
            "MATCH",
            "MOD",
            "MODIFIES",
            "NUMERIC",
            "OPTIMIZE",
            "OPTION",
            "OUTFILE",
            "PROCEDURE",
            "PURGE",
            "RANGE",
            "READ",
            "REAL",
            "REGEXP",
            "RELEASE",
            "RENAME",
            "REPEAT",
            "REPLACE",
            "REQUIRE",
            "RESTRICT",
            "RETURN",
            "RETURNING",
            "REVOKE",
            "RLIKE",
            "SCHEMA",
            "SCHEMAS",
            "SENSITIVE",
            "SEPARATOR",
            "SHOW",
            "SIGNAL",
            "SMALLINT",
            "SPATIAL",
            "SQL",
            "STARTING",
            "STRAIGHT_JOIN",
            "TERMINATED",
            "TINYINT",
            "TRIGGER",
            "UNDO",
            "UNLOCK",
            "UNSIGNED",
            "USAGE",
            "USE",
            "UTC_DATE",
            "UTC_TIME",
            "UTC_TIMESTAMP",
            "VARCHAR",
            "VARYING",
            "WHILE",
            "WRITE",
            "XOR",
            "YEAR_MONTH",
            "ZEROFILL");

    public MariaDbDialect() {
        super(
                "mariadb",
                PlaceholderStyle.QUESTION_MARK,
                '`',
                EnumSet.of(
                        Feature.INSERT_RETURNING,
                        Feature.DELETE_RETURNING,
                        Feature.MULTI_ROW_INSERT,
                        Feature.SAVEPOINTS,
                        Feature.SEQUENCES,
                        Feature.SKIP_LOCKED,
                        Feature.DEADLOCK_DETECTION));
    }

    @Override
    protected io.retort.dialect.TypeMap newTypeMap() {
        return new MariaDbTypeMap(this);
    }

    @Override
    protected io.retort.dialect.DdlCompiler newDdlCompiler() {
        return new MariaDbDdlCompiler(this);
    }

    @Override
    protected io.retort.dialect.Reflector newReflector() {
        return new MariaDbReflector(this);
    }

    /** The MariaDB protocol counts prepared-statement parameters in 16 bits. */
    @Override
    public int maxBindParameters() {
        return 65535;
    }

    /**
     * MariaDB has no {@code UPDATE ... FROM} and cannot name the columns of a VALUES list, so the rows come from
     * a CTE inside a joined derived table:
     * {@code UPDATE t JOIN (WITH v(c0, c1) AS (VALUES (?, ?)) SELECT * FROM v) AS v ON t.id = v.c0 SET t.a = v.c1}.
     */
    @Override
    protected String updateByKeyOf(String t, List<String> keys, String version, List<String> sets) {
        int n = keys.size() + (version == null ? 0 : 1) + sets.size();
        StringBuilder sb = new StringBuilder("UPDATE ").append(t);
        sb.append(" JOIN (WITH v(").append(aliases(n)).append(") AS (VALUES (").append(params(n));
        sb.append(")) SELECT * FROM v) AS v ON ").append(keyMatch(t, keys, version));
        sb.append(" SET ").append(assignments(sets, keys.size() + (version == null ? 0 : 1), t + ".", "v."));
        if (version != null) {
            sb.append(", ")
                    .append(t)
                    .append('.')
                    .append(quoteIdentifier(version))
                    .append(" = v.c")
                    .append(keys.size())
                    .append(" + 1");
        }
        return sb.toString();
    }

    /** The MariaDB compiler: ? placeholders, LIMIT, CONCAT(), ON DUPLICATE KEY UPDATE. */
    @Override
    public SqlCompiler newCompiler() {
        return new MariaDbCompiler(this);
    }

    @Override
    protected Set<String> reservedWords() {
        return RESERVED;
    }
}
