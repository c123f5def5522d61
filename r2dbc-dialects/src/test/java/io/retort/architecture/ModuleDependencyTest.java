package io.retort.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.retort.core.Engine;
import io.retort.dialects.postgresql.PostgresDialect;
import io.retort.testing.DependencyRules;
import org.junit.jupiter.api.Test;

/** Core never knows the ORM, a dialect or a concrete driver; dialects never know the ORM. */
class ModuleDependencyTest {

    @Test
    void coreDependsOnNoOrmDialectOrDriver() {
        assertThat(DependencyRules.violations(
                        Engine.class,
                        "io/retort/orm/",
                        "io/retort/dialects/",
                        "org/postgresql/",
                        "org/mariadb/",
                        "io/r2dbc/h2/",
                        "org/h2/"))
                .isEmpty();
    }

    @Test
    void theScanSeesRealReferences() {
        // the engine does use r2dbc-pool: a scan that found nothing here would prove nothing above
        assertThat(DependencyRules.violations(Engine.class, "io/r2dbc/pool/")).isNotEmpty();
    }

    @Test
    void dialectsDoNotDependOnTheOrmOrOnDriverClasses() {
        assertThat(DependencyRules.violations(
                        PostgresDialect.class, "io/retort/orm/", "org/postgresql/", "org/mariadb/", "io/r2dbc/h2/"))
                .isEmpty();
    }
}
