package io.retort.core;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.testing.Backend;
import io.retort.testing.BackendTest;
import io.retort.testing.StatementRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A fetch size per statement ({@code execute(stmt, params, fetchSize)}) and statement events reported once. */
class FetchSizeTest {
    private static final Duration T = Duration.ofSeconds(60);

    @BackendTest
    void aFetchSizePerStatementStreamsEveryRowInOrder(Backend db, Engine engine) {
        db.run("CREATE TABLE n (id INTEGER PRIMARY KEY)");
        List<Map<String, ?>> rows = new ArrayList<>();
        for (int i = 1; i <= 2500; i++) {
            rows.add(Map.of("id", i));
        }
        engine.transaction(c -> c.executeUpdate(text("INSERT INTO n (id) VALUES (:id)"), rows))
                .blockLast(T);
        List<Integer> ids = engine.transaction(c -> c.execute(text("SELECT id FROM n ORDER BY id"), Map.of(), 100))
                .limitRate(10)
                .map(r -> r.get(0, Integer.class))
                .collectList()
                .block(T);
        assertThat(ids).hasSize(2500);
        assertThat(ids.get(0)).isEqualTo(1);
        assertThat(ids.get(2499)).isEqualTo(2500);
        // cancelling part-way releases the connection (the matrix fails a test that leaks one)
        List<Integer> firstFive = engine.transaction(
                        c -> c.execute(text("SELECT id FROM n ORDER BY id"), Map.of(), 100))
                .take(5)
                .map(r -> r.get(0, Integer.class))
                .collectList()
                .block(T);
        assertThat(firstFive).containsExactly(1, 2, 3, 4, 5);
        // and the same connection answers the next statement correctly, inside the transaction
        List<Object> sameConnection = engine.transaction(
                        c -> c.execute(text("SELECT id FROM n ORDER BY id"), Map.of(), 100)
                                .take(3)
                                .then(c.scalar(text("SELECT count(*) FROM n"), Long.class)))
                .map(x -> (Object) x)
                .collectList()
                .block(T);
        assertThat(sameConnection).containsExactly(2500L);
    }

    @BackendTest
    void aStatementIsReportedOnceWhenDownstreamCancelsAfterItCompleted(
            Backend db, Engine engine, StatementRecorder rec) {
        db.run("CREATE TABLE n (id INTEGER PRIMARY KEY)");
        rec.clear();
        Long n = engine.connect(c -> c.executeUpdate(text("INSERT INTO n (id) VALUES (1)")))
                .next()
                .block(T);
        assertThat(n).isEqualTo(1L);
        assertThat(rec.sql()).containsExactly("INSERT INTO n (id) VALUES (1)");
    }
}
