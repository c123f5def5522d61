package io.retort.schema;

import io.retort.types.SqlType;

/**
 * A column as the database describes it, from {@link Inspector#columns}. The type is the generic type that
 * the database type maps to ({@code int4} becomes {@code Types.INTEGER}); {@code rawType} is the database's own
 * spelling.
 *
 * <pre>{@code
 * engine.inspect().columns("users").map(cols -> cols.get(0).type().kind());   // TypeKind.INTEGER
 * }</pre>
 *
 * @param name the column name, normalised by the dialect
 * @param type the generic type
 * @param rawType the database's type name, e.g. {@code character varying}
 * @param nullable whether NULL is allowed
 * @param serverDefault the DEFAULT expression as the database reports it, or {@code null}
 * @param autoincrement whether the database generates values (identity, AUTO_INCREMENT)
 * @param comment the column comment, or {@code null}
 */
public record ReflectedColumn(
        String name,
        SqlType<?> type,
        String rawType,
        boolean nullable,
        String serverDefault,
        boolean autoincrement,
        String comment) {}
