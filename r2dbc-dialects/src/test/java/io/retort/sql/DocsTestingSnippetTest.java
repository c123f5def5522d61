package io.retort.sql;

import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.update;
import static io.retort.testing.CompiledStatementAssert.MARIADB;
import static io.retort.testing.CompiledStatementAssert.POSTGRES;
import static io.retort.testing.CompiledStatementAssert.assertThat;

import io.retort.schema.Table;
import io.retort.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The compiled-SQL assertion example shown in docs/testing.md (checked by examples' DocSnippetsTest). */
class DocsTestingSnippetTest {
    private final Table users = new Fixtures().users;

    @Test
    void compiledSqlAssertions() {
        // tag::compiled-sql-assertions[]
        assertThat(select(users.c("id")).where(users.c("name").eq("sandy")))
                .compiledFor(POSTGRES)
                .hasSql("SELECT users.id FROM users WHERE users.name = $1")
                .hasBindings("sandy");
        assertThat(update(users).set(users.c("name"), "x").returning(users.c("id")))
                .failsFor(MARIADB, "does not support UPDATE ... RETURNING");
        // end::compiled-sql-assertions[]
    }
}
