package io.retort.dialects.mariadb;

import io.retort.core.InvalidRequestException;
import io.retort.dialect.DdlCompiler;
import io.retort.dialect.Dialect;
import io.retort.schema.Column;
import io.retort.schema.ForeignKeyConstraint;
import io.retort.schema.Index;
import io.retort.schema.Table;
import io.retort.types.TypeKind;

/**
 * MariaDB DDL: {@code AUTO_INCREMENT}, inline {@code COMMENT '...'}, {@code DROP FOREIGN KEY},
 * {@code DROP INDEX name ON table}; partial indexes are not supported (a non-unique one becomes a full
 * index, a unique one is refused).
 *
 * <pre>{@code
 * new MariaDbDialect().ddlCompiler().sql(new DdlStatement.DropForeignKey(t, fk));
 * // ALTER TABLE a DROP FOREIGN KEY fk_a_b_id_b
 * }</pre>
 */
public class MariaDbDdlCompiler extends DdlCompiler {

    public MariaDbDdlCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected String identity(Table t, Column<?> c) {
        TypeKind k = c.type().storageType().kind();
        if (k != TypeKind.SMALLINT && k != TypeKind.INTEGER && k != TypeKind.BIGINT) {
            throw new InvalidRequestException("Table '" + t.key() + "' column '" + c.name()
                    + "' is autoincrement but of type " + c.type() + "; only integer columns can be");
        }
        return "AUTO_INCREMENT";
    }

    @Override
    protected String dropForeignKey(Table t, ForeignKeyConstraint fk) {
        return "ALTER TABLE " + table(t) + " DROP FOREIGN KEY " + id(fk.name());
    }

    @Override
    protected String dropIndex(Table t, Index i) {
        return "DROP INDEX " + id(i.name()) + " ON " + table(t);
    }
}
