package io.retort.dialect;

import java.util.EnumSet;
import java.util.Set;

/** A database-free dialect for compiler unit tests in core. */
public final class TestDialect extends Dialect {
    public TestDialect(PlaceholderStyle style, char quote) {
        super("test", style, quote, EnumSet.of(Feature.MULTI_ROW_INSERT));
    }

    @Override
    public int maxBindParameters() {
        return 100;
    }

    @Override
    protected Set<String> reservedWords() {
        return ReservedWords.SQL_STANDARD;
    }
}
