package io.retort.dialects.mariadb;

import io.retort.dialect.Dialect;
import io.retort.dialect.TypeMap;
import io.retort.types.EnumType;
import io.retort.types.SqlType;
import io.retort.types.TypeKind;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * MariaDB's types. Where MariaDB has no such type, a documented portable form is used:
 *
 * <ul>
 *   <li>UUID is {@code CHAR(36)} holding the canonical lower-case text form
 *       ({@code 123e4567-e89b-12d3-a456-426614174000}), so it sorts, compares and reads in SQL as text;
 *   <li>TIMESTAMP WITH TIME ZONE is {@code DATETIME(6)} holding the UTC time: the instant is kept, the offset
 *       is not (values come back at UTC);
 *   <li>TEXT is {@code LONGTEXT}, BLOB {@code LONGBLOB}, REAL {@code FLOAT}, BOOLEAN {@code BOOLEAN}
 *       ({@code TINYINT(1)});
 *   <li>INTERVAL and ARRAY have no MariaDB form and are refused with an error naming table and column.
 * </ul>
 *
 * <pre>{@code
 * new MariaDbDialect().typeMap().ddl(Types.UUID);   // CHAR(36)
 * }</pre>
 */
public class MariaDbTypeMap extends TypeMap {

    public MariaDbTypeMap(Dialect dialect) {
        super(dialect);
    }

    @Override
    public String ddl(SqlType<?> type) {
        SqlType<?> t = type.storageType();
        if (t.kind() == TypeKind.INTERVAL) {
            throw cannotRepresent(t, "store a Duration as BIGINT microseconds with a converter");
        }
        if (t.kind() == TypeKind.ARRAY) {
            throw cannotRepresent(t, "MariaDB has no arrays; use JSON or a child table");
        }
        return super.ddl(type);
    }

    @Override
    protected String ddlOf(SqlType<?> t) {
        switch (t.kind()) {
            case TEXT:
                return "LONGTEXT";
            case REAL:
                return "FLOAT";
            case DOUBLE:
                return "DOUBLE";
            case TIME:
                return "TIME(6)";
            case TIMESTAMP:
            case TIMESTAMP_WITH_TIME_ZONE:
                return "DATETIME(6)";
            case BLOB:
                return "LONGBLOB";
            case UUID:
                return "CHAR(36)";
            case INTERVAL:
            case ARRAY:
                return null;
            default:
                return super.ddlOf(t);
        }
    }

    /** Quotes doubled and backslashes doubled: MariaDB reads a backslash in a literal as an escape. */
    @Override
    public String stringLiteral(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    protected boolean hasNativeEnums() {
        return true;
    }

    @Override
    protected String nativeEnumDdl(EnumType<?> e) {
        List<String> labels = new ArrayList<>();
        for (String v : e.values()) {
            labels.add(stringLiteral(v));
        }
        return "ENUM(" + String.join(", ", labels) + ")";
    }

    @Override
    public TypeKind kindAfterReflection(SqlType<?> type) {
        switch (type.storageType().kind()) {
            case UUID:
                return TypeKind.CHAR;
            case TIMESTAMP_WITH_TIME_ZONE:
                return TypeKind.TIMESTAMP;
            default:
                return super.kindAfterReflection(type);
        }
    }

    @Override
    protected Object scalarToDriver(SqlType<?> type, Object value) {
        switch (type.kind()) {
            case UUID:
                return value.toString();
            case TIMESTAMP_WITH_TIME_ZONE:
                return ((OffsetDateTime) value)
                        .withOffsetSameInstant(ZoneOffset.UTC)
                        .toLocalDateTime();
            default:
                return super.scalarToDriver(type, value);
        }
    }

    @Override
    public Class<?> driverClass(SqlType<?> type) {
        switch (type.storageType().kind()) {
            case UUID:
                return String.class;
            case TIMESTAMP_WITH_TIME_ZONE:
                return LocalDateTime.class;
            default:
                return super.driverClass(type);
        }
    }

    @Override
    protected Object scalarFromDriver(SqlType<?> type, Object raw) {
        switch (type.kind()) {
            case UUID:
                return raw instanceof UUID u
                        ? u
                        : UUID.fromString(raw.toString().trim());
            case TIMESTAMP_WITH_TIME_ZONE:
                if (raw instanceof LocalDateTime ldt) {
                    return ldt.atOffset(ZoneOffset.UTC);
                }
                return super.scalarFromDriver(type, raw);
            default:
                return super.scalarFromDriver(type, raw);
        }
    }
}
