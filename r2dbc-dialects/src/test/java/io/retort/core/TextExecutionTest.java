package io.retort.core;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.testing.Backend;
import io.retort.testing.BackendTest;
import io.retort.testing.StatementRecorder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** text() execution with bound parameters, rows, executemany and errors, on every backend. */
class TextExecutionTest {
    private static final Duration T = Duration.ofSeconds(30);

    private static void createUsers(Backend db) {
        db.run("CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, score NUMERIC(10, 2))");
    }

    @BackendTest
    void namedParametersSelectTheRightRows(Backend db, Engine engine) {
        createUsers(db);
        db.run(
                "INSERT INTO users (id, name, score) VALUES (1, 'spongebob', 10.50)",
                "INSERT INTO users (id, name, score) VALUES (2, 'sandy', 20.00)",
                "INSERT INTO users (id, name, score) VALUES (3, 'patrick', 5.25)");

        List<Row> rows = engine.connect(c -> c.execute(
                        text("SELECT id, name, score FROM users WHERE score > :min AND name <> :skip ORDER BY id"),
                        Map.of("min", new BigDecimal("5.00"), "skip", "sandy")))
                .collectList()
                .block(T);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("id", Long.class)).isEqualTo(1L);
        assertThat(rows.get(0).get("name", String.class)).isEqualTo("spongebob");
        assertThat(rows.get(0).get("score", BigDecimal.class)).isEqualByComparingTo("10.50");
        assertThat(rows.get(1).get(1, String.class)).isEqualTo("patrick");
        assertThat(rows.get(1).columnNames()).containsExactly("id", "name", "score");
        assertThat(rows.get(1).asMap()).containsEntry("name", "patrick");
    }

    @BackendTest
    void hostileValueIsStoredVerbatimAndDropsNothing(Backend db, Engine engine) {
        createUsers(db);
        String hostile = "x'); DROP TABLE users; --";
        engine.transaction(c -> c.executeUpdate(
                        text("INSERT INTO users (id, name) VALUES (:id, :name)"), Map.of("id", 1, "name", hostile)))
                .blockLast(T);

        String stored = engine.connect(
                        c -> c.scalar(text("SELECT name FROM users WHERE id = :id"), Map.of("id", 1), String.class))
                .blockLast(T);
        assertThat(stored).isEqualTo(hostile);
        Long count = engine.connect(c ->
                        c.scalar(text("SELECT COUNT(*) FROM users WHERE name = :n"), Map.of("n", hostile), Long.class))
                .blockLast(T);
        assertThat(count).isEqualTo(1L);
    }

    @BackendTest
    void colonsInsideLiteralsAndCastsAreNotParameters(Backend db, Engine engine) {
        String sql = db.name().equals("postgresql")
                ? "SELECT ':not_a_param' AS label, CAST(:v AS INTEGER) + 1 AS n, '1'::int AS c"
                : "SELECT ':not_a_param' AS label, CAST(:v AS INTEGER) + 1 AS n";
        Row row = engine.connect(c -> c.execute(text(sql), Map.of("v", 41))).blockLast(T);
        assertThat(row.get("label", String.class)).isEqualTo(":not_a_param");
        assertThat(row.get("n", Integer.class)).isEqualTo(42);
    }

    @BackendTest
    void executemanyInsertOfThousandRowsIsOneOrTwoStatements(Backend db, Engine engine, StatementRecorder recorder) {
        createUsers(db);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(Map.of("id", i, "name", "user" + i, "score", BigDecimal.valueOf(i, 2)));
        }
        Long inserted = engine.transaction(c ->
                        c.executeUpdate(text("INSERT INTO users (id, name, score) VALUES (:id, :name, :score)"), rows))
                .single()
                .block(T);

        assertThat(inserted).isEqualTo(1000L);
        assertThat(recorder.count("INSERT")).isBetween(1, 2);
        assertThat(recorder.sql().get(0)).contains("VALUES (").contains("), (");
        assertThat(db.query("SELECT COUNT(*) AS n FROM users")
                        .get(0)
                        .values()
                        .iterator()
                        .next()
                        .toString())
                .isEqualTo("1000");
        Row last = engine.connect(c -> c.execute(text("SELECT name, score FROM users WHERE id = 999")))
                .blockLast(T);
        assertThat(last.get("name", String.class)).isEqualTo("user999");
        assertThat(last.get("score", BigDecimal.class)).isEqualByComparingTo("9.99");
    }

    @BackendTest
    void executemanyChunksUnderTheConfiguredBatchSize(Backend db) {
        createUsers(db);
        StatementRecorder rec = new StatementRecorder();
        Engine small = db.newEngine(EngineOptions.builder()
                .insertManyValuesBatchSize(100)
                .listener(rec)
                .build());
        try {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                rows.add(Map.of("id", i, "name", "u" + i));
            }
            Long n = small.transaction(
                            c -> c.executeUpdate(text("INSERT INTO users (id, name) VALUES (:id, :name)"), rows))
                    .single()
                    .block(T);
            assertThat(n).isEqualTo(250L);
            assertThat(rec.count("INSERT")).isEqualTo(3);
        } finally {
            small.dispose().block(T);
        }
    }

    @BackendTest
    void executemanyOfAnUpdateIsOneBatchedStatement(Backend db, Engine engine, StatementRecorder recorder) {
        createUsers(db);
        db.run("INSERT INTO users (id, name) VALUES (1, 'a')", "INSERT INTO users (id, name) VALUES (2, 'b')");
        Long n = engine.transaction(c -> c.executeUpdate(
                        text("UPDATE users SET name = :name WHERE id = :id"),
                        List.of(Map.of("id", 1, "name", "A"), Map.of("id", 2, "name", "B"))))
                .single()
                .block(T);
        assertThat(n).isEqualTo(2L);
        assertThat(recorder.count("UPDATE")).isEqualTo(1);
        assertThat(recorder.statements().get(0).batchSize()).isEqualTo(2);
        assertThat(db.query("SELECT name FROM users ORDER BY id"))
                .extracting(m -> m.get("name"))
                .containsExactly("A", "B");
    }

    @BackendTest
    void nullValuesBind(Backend db, Engine engine) {
        createUsers(db);
        Map<String, Object> p = new HashMap<>();
        p.put("id", 1);
        p.put("name", "nobody");
        p.put("score", null);
        engine.transaction(c -> c.executeUpdate(
                        text("INSERT INTO users (id, name, score) VALUES (:id, :name, :score)")
                                .bindType("score", BigDecimal.class),
                        p))
                .blockLast(T);
        Row r = engine.connect(c -> c.execute(text("SELECT score FROM users"))).blockLast(T);
        assertThat(r.get("score")).isNull();
    }

    @BackendTest
    void missingAndUnknownParametersAreNamed(Engine engine) {
        StepVerifier.create(engine.connect(c ->
                        c.execute(text("SELECT CAST(:a AS INTEGER) AS a, CAST(:b AS INTEGER) AS b"), Map.of("a", 1))))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("Missing value for bind parameter 'b'"))
                .verify(T);
        StepVerifier.create(engine.connect(
                        c -> c.execute(text("SELECT CAST(:a AS INTEGER) AS a"), Map.of("a", 1, "zz", 2))))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("Unknown bind parameter [zz]")
                        .hasMessageContaining("it takes: [a]"))
                .verify(T);
    }

    @BackendTest
    void aValueThatCannotBecomeTheRequestedTypeNamesColumnAndTypes(Backend db, Engine engine) {
        createUsers(db);
        db.run("INSERT INTO users (id, name) VALUES (1, 'sandy')");
        Row r = engine.connect(c -> c.execute(text("SELECT name FROM users"))).blockLast(T);
        assertThatThrownBy(() -> r.get("name", Integer.class))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("Column 'name'")
                .hasMessageContaining("java.lang.String")
                .hasMessageContaining("java.lang.Integer");
        assertThatThrownBy(() -> r.get("nope"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Column 'nope' not found")
                .hasMessageContaining("name");
    }

    @BackendTest
    void driverErrorsAreWrappedWithTheSql(Backend db, Engine engine) {
        createUsers(db);
        db.run("INSERT INTO users (id, name) VALUES (1, 'sandy')");
        StepVerifier.create(engine.transaction(
                        c -> c.executeUpdate(text("INSERT INTO users (id, name) VALUES (1, 'again')"))))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(IntegrityViolationException.class);
                    assertThat(((DatabaseException) e).sql()).contains("INSERT INTO users");
                    assertThat(e.getCause()).isInstanceOf(io.r2dbc.spi.R2dbcException.class);
                })
                .verify(T);
        StepVerifier.create(engine.connect(c -> c.execute(text("SELECT no_such_column FROM users"))))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(SqlSyntaxException.class)
                        .hasMessageContaining("SELECT no_such_column FROM users"))
                .verify(T);
    }

    @BackendTest
    void concurrentOperationsOnOneConnectionAreSerialised(Backend db, Engine engine) {
        createUsers(db);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(Map.of("id", i, "name", "n" + i));
        }
        engine.transaction(c -> c.executeUpdate(text("INSERT INTO users (id, name) VALUES (:id, :name)"), rows))
                .blockLast(T);
        List<String> names = engine.connect(c -> Flux.merge(Flux.range(0, 50)
                        .map(i -> c.execute(text("SELECT name FROM users WHERE id = :id"), Map.of("id", i))
                                .map(r -> r.get("name", String.class)))))
                .collectList()
                .block(T);
        assertThat(names)
                .hasSize(50)
                .containsAll(rows.stream().map(m -> (String) m.get("name")).toList());
    }
}
