package io.retort.dialect;

import io.retort.core.InvalidRequestException;
import io.retort.sql.Executable;
import io.retort.sql.TextClause;
import java.util.ArrayList;
import java.util.List;

/**
 * The generic (ANSI) statement compiler. A compiler instance turns one {@link Executable} into a
 * {@link CompiledStatement}: SQL pieces and {@link BindSlot}s. Each {@link Dialect} returns its own subclass
 * from {@link Dialect#newCompiler()} and overrides only what its database spells differently, like
 * SQLAlchemy's {@code PGCompiler} over {@code SQLCompiler}. Instances are single-use and not thread-safe.
 *
 * <pre>{@code
 * CompiledStatement c = dialect.newCompiler().compile(text("SELECT :a"));
 * }</pre>
 */
public class SqlCompiler {
    protected final Dialect dialect;
    private final List<Object> tokens = new ArrayList<>();
    private final StringBuilder current = new StringBuilder(64);
    private int groupStart = -1;
    private int groupEnd = -1;

    public SqlCompiler(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Compiles {@code statement}. */
    public CompiledStatement compile(Executable statement) {
        if (statement instanceof TextClause text) {
            visitText(text);
        } else {
            throw new InvalidRequestException("Dialect '" + dialect.name() + "' cannot compile a "
                    + statement.getClass().getName() + ": " + statement);
        }
        return finish();
    }

    /** Writes a {@link TextClause}: its pieces, with a bind slot for each {@code :name}. */
    protected void visitText(TextClause text) {
        List<Object> parts = text.parts();
        for (int i = 0; i < parts.size(); i++) {
            if (i == text.valuesGroupStart()) {
                beginValuesGroup();
            }
            Object part = parts.get(i);
            if (part instanceof TextClause.Param p) {
                io.retort.types.SqlType<?> st = text.sqlTypeOf(p.name());
                bind(st != null ? BindSlot.named(p.name(), st) : BindSlot.named(p.name(), text.bindTypeOf(p.name())));
            } else {
                sql((String) part);
            }
            if (i + 1 == text.valuesGroupEnd()) {
                endValuesGroup();
            }
        }
    }

    /** Appends SQL text. */
    protected final SqlCompiler sql(String s) {
        current.append(s);
        return this;
    }

    /** Appends a quoted-if-needed identifier. */
    protected final SqlCompiler identifier(String name) {
        current.append(dialect.quoteIdentifier(name));
        return this;
    }

    /** Appends a placeholder for {@code slot}. */
    protected final SqlCompiler bind(BindSlot slot) {
        flush();
        tokens.add(slot);
        return this;
    }

    /** Marks the start of the repeatable {@code (...)} group of a single-row INSERT. */
    protected final void beginValuesGroup() {
        flush();
        groupStart = tokens.size();
    }

    /** Marks the end of the repeatable group. */
    protected final void endValuesGroup() {
        flush();
        groupEnd = tokens.size();
    }

    private void flush() {
        if (current.length() > 0) {
            tokens.add(current.toString());
            current.setLength(0);
        }
    }

    /** Produces the compiled statement from what was written. */
    protected CompiledStatement finish() {
        flush();
        boolean group = groupStart >= 0 && groupEnd > groupStart;
        return new CompiledStatement(
                tokens, group ? groupStart : -1, group ? groupEnd : -1, dialect.placeholderStyle());
    }
}
