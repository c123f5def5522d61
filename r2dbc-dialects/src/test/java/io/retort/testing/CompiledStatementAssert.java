package io.retort.testing;

import io.retort.dialect.BindSlot;
import io.retort.dialect.CompiledStatement;
import io.retort.dialect.Dialect;
import io.retort.dialects.h2.H2Dialect;
import io.retort.dialects.mariadb.MariaDbDialect;
import io.retort.dialects.postgresql.PostgresDialect;
import io.retort.sql.Executable;
import io.retort.sql.StatementBase;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;

/**
 * AssertJ assertions for compiled statements, SQLAlchemy's {@code assert_compile}: exact SQL and the bound
 * values in placeholder order, per dialect, with no database.
 *
 * <pre>{@code
 * assertThat(select(users.c("id")).where(users.c("name").eq("x")))
 *         .compiledFor(POSTGRES).hasSql("SELECT users.id FROM users WHERE users.name = $1").hasBindings("x");
 * }</pre>
 * Named parameters ({@code bindparam("n")}, {@code text(":n")}) show in the bindings as {@code ":n"}; an array
 * parameter as a {@code List}.
 */
public final class CompiledStatementAssert extends AbstractAssert<CompiledStatementAssert, Executable> {
    public static final Dialect POSTGRES = new PostgresDialect();
    public static final Dialect MARIADB = new MariaDbDialect();
    public static final Dialect H2 = new H2Dialect();

    private CompiledStatementAssert(Executable actual) {
        super(actual, CompiledStatementAssert.class);
    }

    /** Starts an assertion on a statement. */
    public static CompiledStatementAssert assertThat(Executable statement) {
        return new CompiledStatementAssert(statement);
    }

    /** The statement compiled for {@code dialect}. */
    public Compiled compiledFor(Dialect dialect) {
        isNotNull();
        return new Compiled(actual, dialect, dialect.compile(actual));
    }

    /** Asserts that compiling for {@code dialect} fails with a message containing {@code message}. */
    public CompiledStatementAssert failsFor(Dialect dialect, String message) {
        Assertions.assertThatThrownBy(() -> dialect.compile(actual))
                .as("compiling for %s", dialect.name())
                .hasMessageContaining(message);
        return this;
    }

    /** Assertions on one compiled form. */
    public static final class Compiled {
        private final Executable statement;
        private final Dialect dialect;
        private final CompiledStatement compiled;

        Compiled(Executable statement, Dialect dialect, CompiledStatement compiled) {
            this.statement = statement;
            this.dialect = dialect;
            this.compiled = compiled;
        }

        /** Exact SQL. */
        public Compiled hasSql(String sql) {
            Assertions.assertThat(compiled.sql())
                    .as("SQL for %s", dialect.name())
                    .isEqualTo(sql);
            return this;
        }

        /** The values bound to the placeholders, in placeholder order. */
        public Compiled hasBindings(Object... values) {
            Assertions.assertThat(bindings())
                    .as("bindings for %s of %s", dialect.name(), compiled.sql())
                    .containsExactly(values);
            return this;
        }

        /** The number of placeholders. */
        public Compiled hasBindingCount(int n) {
            Assertions.assertThat(compiled.slots())
                    .as("bind slots for %s", dialect.name())
                    .hasSize(n);
            return this;
        }

        /** The compiled statement. */
        public CompiledStatement compiled() {
            return compiled;
        }

        private List<Object> bindings() {
            List<Object> out = new ArrayList<>();
            for (BindSlot s : compiled.slots()) {
                if (s.isNamed()) {
                    out.add(":" + s.name());
                } else {
                    Object v = ((StatementBase) statement).boundValue(s.position());
                    if (v != null && v.getClass().isArray()) {
                        List<Object> l = new ArrayList<>();
                        for (int i = 0; i < Array.getLength(v); i++) {
                            l.add(Array.get(v, i));
                        }
                        v = l;
                    }
                    out.add(v);
                }
            }
            return out;
        }

        @Override
        public String toString() {
            return dialect.name() + ": " + compiled.sql() + " "
                    + Arrays.toString(bindings().toArray());
        }
    }
}
