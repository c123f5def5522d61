package io.retort.dialect;

import io.retort.core.InvalidRequestException;
import io.retort.schema.CheckConstraint;
import io.retort.schema.Column;
import io.retort.schema.DdlStatement;
import io.retort.schema.ForeignKeyConstraint;
import io.retort.schema.Index;
import io.retort.schema.MetaData;
import io.retort.schema.PrimaryKeyConstraint;
import io.retort.schema.Sequence;
import io.retort.schema.Table;
import io.retort.schema.UniqueConstraint;
import io.retort.types.EnumType;
import io.retort.types.SqlType;
import io.retort.types.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The generic DDL compiler: turns a {@link DdlStatement} into SQL text for its {@link Dialect}, SQLAlchemy's
 * {@code DDLCompiler}. Each dialect returns a subclass from {@link Dialect#ddlCompiler()} that overrides only
 * what its database spells differently (identity columns, where comments go, how a foreign key is dropped).
 * Identifiers are quoted by the dialect; types come from its {@link TypeMap}. DDL carries no bound values:
 * comments and enum labels are written as escaped literals. Stateless and thread-safe.
 *
 * <pre>{@code
 * engine.dialect().ddlCompiler().sql(new DdlStatement.CreateTable(users));
 * // CREATE TABLE users (
 * //     id INTEGER NOT NULL,
 * //     name VARCHAR(30) NOT NULL,
 * //     PRIMARY KEY (id)
 * // )
 * }</pre>
 */
public class DdlCompiler {
    /** Indentation of the lines inside CREATE TABLE. */
    protected static final String INDENT = "    ";

    protected final Dialect dialect;

    public DdlCompiler(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Compiles {@code statement} into a statement without bind slots. */
    public CompiledStatement compile(DdlStatement statement) {
        return new CompiledStatement(List.of(sql(statement)), -1, -1, dialect.placeholderStyle());
    }

    /**
     * The SQL text of {@code statement}.
     *
     * @throws InvalidRequestException naming table and column when the dialect cannot represent a type or
     *     construct
     */
    public String sql(DdlStatement statement) {
        if (statement instanceof DdlStatement.CreateTable s) {
            return createTable(s.table(), s.deferred());
        } else if (statement instanceof DdlStatement.DropTable s) {
            return "DROP TABLE " + table(s.table());
        } else if (statement instanceof DdlStatement.CreateIndex s) {
            return createIndex(s.table(), s.index());
        } else if (statement instanceof DdlStatement.DropIndex s) {
            return dropIndex(s.table(), s.index());
        } else if (statement instanceof DdlStatement.AddForeignKey s) {
            return "ALTER TABLE " + table(s.table()) + " ADD " + foreignKey(s.table(), s.foreignKey());
        } else if (statement instanceof DdlStatement.DropForeignKey s) {
            return dropForeignKey(s.table(), s.foreignKey());
        } else if (statement instanceof DdlStatement.CreateSequence s) {
            return createSequence(s.sequence());
        } else if (statement instanceof DdlStatement.DropSequence s) {
            return "DROP SEQUENCE "
                    + qualified(s.sequence().schema(), s.sequence().name());
        } else if (statement instanceof DdlStatement.CreateEnumType s) {
            return createEnumType(s.schema(), s.type());
        } else if (statement instanceof DdlStatement.DropEnumType s) {
            return "DROP TYPE " + qualified(s.schema(), s.type().typeName());
        } else if (statement instanceof DdlStatement.SetColumnComment s) {
            return columnComment(s.column());
        }
        throw new InvalidRequestException("Dialect '" + dialect.name() + "' cannot compile " + statement);
    }

    // ------------------------------------------------------------------ capabilities

    /** {@code true} when column comments are written inside CREATE TABLE; otherwise as COMMENT ON statements. */
    public boolean inlineComments() {
        return true;
    }

    /** {@code true} when native enums are separate schema objects (PostgreSQL {@code CREATE TYPE}). */
    public boolean enumsAreSchemaTypes() {
        return false;
    }

    /** {@code true} when {@code CREATE INDEX ... WHERE} (partial indexes) is supported. */
    public boolean supportsPartialIndexes() {
        return false;
    }

    // ------------------------------------------------------------------ pieces

    /** A table name, schema-qualified when it has a schema. */
    protected String table(Table t) {
        return qualified(t.schema(), t.name());
    }

    /** {@code schema.name} with each part quoted as needed. */
    protected String qualified(String schema, String name) {
        return schema == null
                ? dialect.quoteIdentifier(name)
                : dialect.quoteIdentifier(schema) + "." + dialect.quoteIdentifier(name);
    }

    protected String id(String name) {
        return dialect.quoteIdentifier(name);
    }

    protected String columnList(List<String> names) {
        List<String> q = new ArrayList<>(names.size());
        for (String n : names) {
            q.add(id(n));
        }
        return String.join(", ", q);
    }

    /** {@code CREATE TABLE} with one column or constraint per line. */
    protected String createTable(Table t, Set<ForeignKeyConstraint> deferred) {
        List<String> lines = new ArrayList<>();
        for (Column<?> c : t.columns()) {
            lines.add(columnSpec(t, c));
        }
        PrimaryKeyConstraint pk = t.primaryKeyConstraint();
        if (pk != null) {
            lines.add(constraintName(pk.name()) + "PRIMARY KEY (" + columnList(pk.columns()) + ")");
        }
        for (UniqueConstraint u : t.uniqueConstraints()) {
            lines.add(constraintName(u.name()) + "UNIQUE (" + columnList(u.columns()) + ")");
        }
        for (CheckConstraint c : t.checkConstraints()) {
            lines.add(constraintName(c.name()) + "CHECK (" + c.sql() + ")");
        }
        for (Column<?> c : t.columns()) {
            SqlType<?> st = c.type().storageType();
            if (st instanceof EnumType<?> e && !dialect.typeMap().isNativeEnum(e)) {
                lines.add(enumCheck(c, e));
            }
        }
        for (ForeignKeyConstraint fk : t.foreignKeys()) {
            if (!deferred.contains(fk)) {
                lines.add(foreignKey(t, fk));
            }
        }
        return "CREATE TABLE " + table(t) + " (\n" + INDENT + String.join(",\n" + INDENT, lines) + "\n)"
                + tableSuffix(t);
    }

    /** Text after the closing parenthesis of CREATE TABLE (table options); empty by default. */
    protected String tableSuffix(Table t) {
        return "";
    }

    /** The CHECK that keeps a portable enum column to its constants. */
    protected String enumCheck(Column<?> c, EnumType<?> e) {
        List<String> labels = new ArrayList<>();
        for (String v : e.values()) {
            labels.add(dialect.typeMap().stringLiteral(v));
        }
        return "CHECK (" + id(c.name()) + " IN (" + String.join(", ", labels) + "))";
    }

    protected String constraintName(String name) {
        return name == null ? "" : "CONSTRAINT " + id(name) + " ";
    }

    /** One column: name, type, default or identity, comment, NOT NULL. */
    protected String columnSpec(Table t, Column<?> c) {
        StringBuilder sb = new StringBuilder();
        sb.append(id(c.name())).append(' ').append(columnType(t, c));
        if (c.isAutoincrement()) {
            sb.append(' ').append(identity(t, c));
        } else if (c.serverDefault() != null) {
            sb.append(" DEFAULT ").append(c.serverDefault());
        }
        if (c.comment() != null && inlineComments()) {
            sb.append(" COMMENT ").append(dialect.typeMap().stringLiteral(c.comment()));
        }
        if (!c.isNullable()) {
            sb.append(" NOT NULL");
        }
        return sb.toString();
    }

    /** The column's DDL type; a type the dialect cannot represent fails naming table and column. */
    protected String columnType(Table t, Column<?> c) {
        try {
            return dialect.typeMap().ddl(c.type());
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException(
                    "Table '" + t.key() + "' column '" + c.name() + "': " + e.getMessage(), e);
        }
    }

    /** How a database-generated column is declared. */
    protected String identity(Table t, Column<?> c) {
        TypeKind k = c.type().storageType().kind();
        if (k != TypeKind.SMALLINT && k != TypeKind.INTEGER && k != TypeKind.BIGINT) {
            throw new InvalidRequestException("Table '" + t.key() + "' column '" + c.name()
                    + "' is autoincrement but of type " + c.type() + "; only integer columns can be");
        }
        return "GENERATED BY DEFAULT AS IDENTITY";
    }

    /** {@code [CONSTRAINT name] FOREIGN KEY (cols) REFERENCES t (cols) [ON DELETE ..] [ON UPDATE ..]}. */
    protected String foreignKey(Table t, ForeignKeyConstraint fk) {
        MetaData md = t.metadata();
        Table ref = md.hasTable(fk.referredTable()) ? md.table(fk.referredTable()) : null;
        String refName = ref != null ? table(ref) : qualifiedKey(fk.referredTable());
        StringBuilder sb = new StringBuilder(constraintName(fk.name()));
        sb.append("FOREIGN KEY (")
                .append(columnList(fk.columns()))
                .append(") REFERENCES ")
                .append(refName)
                .append(" (")
                .append(columnList(fk.referredColumns()))
                .append(')');
        if (fk.onDelete() != null) {
            sb.append(" ON DELETE ").append(fk.onDelete().sql());
        }
        if (fk.onUpdate() != null) {
            sb.append(" ON UPDATE ").append(fk.onUpdate().sql());
        }
        return sb.toString();
    }

    private String qualifiedKey(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? id(key) : qualified(key.substring(0, dot), key.substring(dot + 1));
    }

    protected String dropForeignKey(Table t, ForeignKeyConstraint fk) {
        return "ALTER TABLE " + table(t) + " DROP CONSTRAINT " + id(fk.name());
    }

    protected String createIndex(Table t, Index i) {
        StringBuilder sb = new StringBuilder("CREATE ");
        if (i.isUnique()) {
            sb.append("UNIQUE ");
        }
        sb.append("INDEX ")
                .append(indexName(t, i))
                .append(" ON ")
                .append(table(t))
                .append(" (")
                .append(columnList(i.columns()))
                .append(')');
        if (i.where() != null) {
            if (supportsPartialIndexes()) {
                sb.append(" WHERE ").append(i.where());
            } else if (i.isUnique()) {
                throw new InvalidRequestException("Table '" + t.key() + "' index '" + i.name()
                        + "' is a unique partial index (WHERE " + i.where() + "), which dialect '" + dialect.name()
                        + "' cannot create");
            }
        }
        return sb.toString();
    }

    /** The index name in CREATE INDEX (schema-qualified where the database wants it). */
    protected String indexName(Table t, Index i) {
        return id(i.name());
    }

    protected String dropIndex(Table t, Index i) {
        return "DROP INDEX " + qualified(t.schema(), i.name());
    }

    protected String createSequence(Sequence s) {
        return "CREATE SEQUENCE " + qualified(s.schema(), s.name()) + " START WITH " + s.start() + " INCREMENT BY "
                + s.increment();
    }

    /** The SQL expression for the next value of {@code s}: {@code NEXT VALUE FOR s} by default. */
    public String nextValue(Sequence s) {
        return "NEXT VALUE FOR " + qualified(s.schema(), s.name());
    }

    protected String createEnumType(String schema, EnumType<?> e) {
        throw new InvalidRequestException("Dialect '" + dialect.name() + "' has no separate enum types");
    }

    protected String columnComment(Column<?> c) {
        return "COMMENT ON COLUMN " + table(c.table()) + "." + id(c.name()) + " IS "
                + dialect.typeMap().stringLiteral(c.comment());
    }
}
