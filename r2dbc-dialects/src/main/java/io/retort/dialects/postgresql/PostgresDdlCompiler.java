package io.retort.dialects.postgresql;

import io.retort.dialect.DdlCompiler;
import io.retort.dialect.Dialect;
import io.retort.schema.Sequence;
import io.retort.types.EnumType;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL DDL: identity columns, partial indexes, native enum types created with {@code CREATE TYPE},
 * column comments as {@code COMMENT ON COLUMN} statements, {@code nextval('seq')}.
 *
 * <pre>{@code
 * new PostgresDialect().ddlCompiler().sql(new DdlStatement.CreateEnumType(null, Types.enumOf(Mood.class).nativeEnum()));
 * // CREATE TYPE mood AS ENUM ('HAPPY', 'SAD')
 * }</pre>
 */
public class PostgresDdlCompiler extends DdlCompiler {

    public PostgresDdlCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    public boolean inlineComments() {
        return false;
    }

    @Override
    public boolean enumsAreSchemaTypes() {
        return true;
    }

    @Override
    public boolean supportsPartialIndexes() {
        return true;
    }

    @Override
    protected String createEnumType(String schema, EnumType<?> e) {
        List<String> labels = new ArrayList<>();
        for (String v : e.values()) {
            labels.add(dialect.typeMap().stringLiteral(v));
        }
        return "CREATE TYPE " + qualified(schema, e.typeName()) + " AS ENUM (" + String.join(", ", labels) + ")";
    }

    @Override
    public String nextValue(Sequence s) {
        return "nextval(" + dialect.typeMap().stringLiteral(qualified(s.schema(), s.name())) + ")";
    }
}
