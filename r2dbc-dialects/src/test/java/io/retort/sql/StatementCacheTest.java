package io.retort.sql;

import static io.retort.sql.Sql.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.core.Engine;
import io.retort.testing.Backend;
import io.retort.testing.BackendTest;
import io.retort.testing.Fixtures;
import java.time.Duration;
import java.util.Map;
import reactor.core.publisher.Flux;

/** The compiled-statement cache is keyed by shape: many executions of one shape compile once. */
class StatementCacheTest {
    private static final Duration T = Duration.ofSeconds(120);
    private final Fixtures f = new Fixtures();

    @BackendTest
    void tenThousandExecutionsOfOneShapeCompileOnce(Backend db, Engine engine) {
        f.create(db);
        // warm up other shapes first, so the count below is only ours
        long before = engine.compileCount();
        Long total = engine.connect(conn -> Flux.range(0, 10_000).concatMap(i -> conn.execute(select(f.users.c("name"))
                                .where(
                                        f.users.c("id").eq(i % 4 + 1),
                                        f.users.c("name").ne("x" + i))
                                .limit(1 + i % 3))
                        .count()))
                .reduce(0L, Long::sum)
                .block(T);
        assertThat(total).isEqualTo(10_000L);
        assertThat(engine.compileCount() - before).isEqualTo(1);

        // a different shape compiles once more; the same shape with other values does not
        long mid = engine.compileCount();
        engine.connect(c -> c.execute(
                        select(f.users.c("name")).where(f.users.c("id").in(1, 2))))
                .blockLast(T);
        engine.connect(c -> c.execute(
                        select(f.users.c("name")).where(f.users.c("id").in(3, 4))))
                .blockLast(T);
        engine.connect(c -> c.execute(update(f.users)
                        .set(f.users.c("fullname"), "a")
                        .where(f.users.c("id").eq(1))))
                .blockLast(T);
        engine.connect(c -> c.execute(update(f.users)
                        .set(f.users.c("fullname"), "b")
                        .where(f.users.c("id").eq(2))))
                .blockLast(T);
        assertThat(engine.compileCount() - mid).isEqualTo(2);
        assertThat(db.query("SELECT fullname FROM users WHERE id = 2").get(0)).containsEntry("fullname", "b");

        // executemany of 1,000 parameter sets: one compile of the INSERT shape
        long m2 = engine.compileCount();
        java.util.List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(Map.of("id", 1000 + i, "name", "n" + i));
        }
        engine.transaction(c -> c.executeUpdate(insert(f.users), rows)).blockLast(T);
        engine.transaction(c -> c.executeUpdate(insert(f.users), java.util.List.of(Map.of("id", 5000, "name", "z"))))
                .blockLast(T);
        assertThat(engine.compileCount() - m2).isEqualTo(1);
    }
}
