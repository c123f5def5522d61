package io.retort.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.retort.dialects.h2.H2Dialect;
import io.retort.dialects.mariadb.MariaDbDialect;
import io.retort.dialects.postgresql.PostgresDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ORM's one-statement UPDATE by key, per dialect: key-ordered locking on PostgreSQL, schema-qualified tables. */
class UpdateByKeyTest {
    @Test
    void postgresqlLocksTheRowsInKeyOrderAndQualifiesTheSchema() {
        assertThat(new PostgresDialect().updateByKey("sales", "orders", List.of("id"), "version", List.of("total")))
                .isEqualTo("UPDATE sales.orders SET total = v.c2, version = v.c1 + 1 FROM (SELECT v.c0, v.c1, v.c2"
                        + " FROM (VALUES (:p0, :p1, :p2)) AS v(c0, c1, c2) JOIN sales.orders AS k ON k.id = v.c0"
                        + " ORDER BY k.id FOR UPDATE OF k) AS v WHERE sales.orders.id = v.c0 AND"
                        + " sales.orders.version = v.c1");
        assertThat(new PostgresDialect()
                        .updateByKey("enrollment", List.of("student_id", "course"), null, List.of("grade")))
                .isEqualTo("UPDATE enrollment SET grade = v.c2 FROM (SELECT v.c0, v.c1, v.c2 FROM (VALUES (:p0, :p1,"
                        + " :p2)) AS v(c0, c1, c2) JOIN enrollment AS k ON k.student_id = v.c0 AND k.course = v.c1"
                        + " ORDER BY k.student_id, k.course FOR UPDATE OF k) AS v WHERE enrollment.student_id = v.c0"
                        + " AND enrollment.course = v.c1");
    }

    @Test
    void mariadbAndH2QualifyTheSchemaToo() {
        assertThat(new MariaDbDialect().updateByKey("sales", "orders", List.of("id"), null, List.of("total")))
                .isEqualTo("UPDATE sales.orders JOIN (WITH v(c0, c1) AS (VALUES (:p0, :p1)) SELECT * FROM v) AS v ON"
                        + " sales.orders.id = v.c0 SET sales.orders.total = v.c1");
        assertThat(new H2Dialect().updateByKey("sales", "orders", List.of("id"), null, List.of("total")))
                .isEqualTo("UPDATE sales.orders SET total = :p1 WHERE id = :p0");
    }
}
