package io.retort.dialects.h2;

import io.retort.dialect.DdlCompiler;
import io.retort.dialect.Dialect;

/**
 * H2 DDL: identity columns, inline {@code COMMENT '...'} (written before {@code NOT NULL}, as H2's grammar
 * wants), {@code NEXT VALUE FOR}; partial indexes are not supported.
 *
 * <pre>{@code
 * new H2Dialect().ddlCompiler().sql(new DdlStatement.CreateTable(users));
 * }</pre>
 */
public class H2DdlCompiler extends DdlCompiler {

    public H2DdlCompiler(Dialect dialect) {
        super(dialect);
    }
}
