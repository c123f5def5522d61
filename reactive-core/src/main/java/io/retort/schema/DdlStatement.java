package io.retort.schema;

import io.retort.sql.Executable;
import io.retort.types.EnumType;

/**
 * A DDL statement as an immutable value, SQLAlchemy's {@code CreateTable}, {@code DropTable},
 * {@code CreateIndex} and friends. Compiled per dialect like any statement and executed with
 * {@code conn.executeUpdate(...)}; {@link MetaData#createAll} and {@link MetaData#dropAll} emit them in order.
 *
 * <pre>{@code
 * engine.dialect().compile(new DdlStatement.CreateTable(users)).sql();
 * // CREATE TABLE users (
 * //     id INTEGER NOT NULL,
 * //     ...
 * engine.connect(conn -> conn.executeUpdate(new DdlStatement.DropTable(users)));
 * }</pre>
 */
public sealed interface DdlStatement extends Executable {

    @Override
    default Object cacheKey() {
        return this;
    }

    /** {@code CREATE TABLE}, with the table's columns and constraints except {@code deferred} foreign keys. */
    record CreateTable(Table table, java.util.Set<ForeignKeyConstraint> deferred) implements DdlStatement {
        /** {@code CREATE TABLE} with all the table's foreign keys inline. */
        public CreateTable(Table table) {
            this(table, java.util.Set.of());
        }
    }

    /** {@code DROP TABLE}. */
    record DropTable(Table table) implements DdlStatement {}

    /** {@code CREATE [UNIQUE] INDEX}. */
    record CreateIndex(Table table, Index index) implements DdlStatement {}

    /** {@code DROP INDEX}. */
    record DropIndex(Table table, Index index) implements DdlStatement {}

    /** {@code ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY}: a key created after the tables. */
    record AddForeignKey(Table table, ForeignKeyConstraint foreignKey) implements DdlStatement {}

    /** {@code ALTER TABLE ... DROP CONSTRAINT} (MariaDB: {@code DROP FOREIGN KEY}). */
    record DropForeignKey(Table table, ForeignKeyConstraint foreignKey) implements DdlStatement {}

    /** {@code CREATE SEQUENCE}. */
    record CreateSequence(Sequence sequence) implements DdlStatement {}

    /** {@code DROP SEQUENCE}. */
    record DropSequence(Sequence sequence) implements DdlStatement {}

    /** PostgreSQL {@code CREATE TYPE name AS ENUM (...)} for a native enum. */
    record CreateEnumType(String schema, EnumType<?> type) implements DdlStatement {}

    /** PostgreSQL {@code DROP TYPE name}. */
    record DropEnumType(String schema, EnumType<?> type) implements DdlStatement {}

    /** {@code COMMENT ON COLUMN} for dialects that do not write comments inside CREATE TABLE. */
    record SetColumnComment(Column<?> column) implements DdlStatement {}
}
