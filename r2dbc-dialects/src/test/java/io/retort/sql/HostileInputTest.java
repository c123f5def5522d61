package io.retort.sql;

import static io.retort.schema.Column.column;
import static io.retort.sql.Sql.*;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.TEXT;
import static io.retort.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.core.Engine;
import io.retort.core.Row;
import io.retort.dialect.Dialect;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.testing.Backend;
import io.retort.testing.BackendTest;
import io.retort.testing.StatementRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hostile values and identifiers (quotes, semicolons, comment markers, backslashes, wildcards, placeholder
 * look-alikes, Unicode) are stored and queried verbatim, and the only statements executed are the ones written.
 */
class HostileInputTest {
    private static final Duration T = Duration.ofSeconds(30);

    static final List<String> VALUES = List.of(
            "x'); DROP TABLE victims; --",
            "Robert'); DELETE FROM victims WHERE ('1' = '1",
            "back\\slash\\' \\\" \\\\",
            "/* not a comment */ -- nor this # or this",
            "50% off_ the /path/ [x] ^$",
            "$1 ? :name ?? $$ :: @p",
            "ünïcødé ✓ 漢字 😀",
            "\"double\" `back` 'single'",
            "line\nbreak\ttab");

    private static final String TABLE = "we\"ird`tab;le --x";
    private static final String ID = "select";
    private static final String VALUE = "Mixed \"Case\" `col`; /*v*/";
    private static final String NOTE = "ünï\";DROP TABLE victims;--";

    private final MetaData metadata = new MetaData();
    private final Table hostile =
            metadata.table(TABLE, column(ID, INTEGER).primaryKey(), column(VALUE, TEXT), column(NOTE, string(50)));

    private static void create(Backend db) {
        Dialect d = db.dialect();
        String text = db.name().equals("mariadb") ? "LONGTEXT" : db.name().equals("h2") ? "VARCHAR(1000)" : "TEXT";
        db.run(
                "CREATE TABLE victims (id INTEGER PRIMARY KEY)",
                "INSERT INTO victims (id) VALUES (1)",
                "CREATE TABLE " + d.quote(TABLE) + " (" + d.quote(ID) + " INTEGER PRIMARY KEY, " + d.quote(VALUE) + " "
                        + text + ", " + d.quote(NOTE) + " VARCHAR(50))");
    }

    @BackendTest
    void hostileValuesAndIdentifiersRoundTripVerbatim(Backend db, Engine engine, StatementRecorder recorder) {
        create(db);
        recorder.clear();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < VALUES.size(); i++) {
            rows.add(Map.of(ID, i, VALUE, VALUES.get(i), NOTE, "n" + i));
        }
        // one row through values(), the rest as an executemany
        engine.transaction(c -> c.executeUpdate(insert(hostile).values(rows.get(0)))
                        .then(c.executeUpdate(insert(hostile), rows.subList(1, rows.size()))))
                .blockLast(T);

        List<Row> all = engine.connect(c -> c.execute(select(hostile).orderBy(hostile.c(ID))))
                .collectList()
                .block(T);
        assertThat(all).extracting(r -> (Object) r.get(hostile.c(VALUE))).containsExactlyElementsOf(VALUES);
        assertThat(all.get(0).columnNames()).containsExactly(ID, VALUE, NOTE);

        for (int i = 0; i < VALUES.size(); i++) {
            String v = VALUES.get(i);
            int id = i;
            assertThat(engine.connect(c -> c.scalar(
                                    select(hostile.c(ID)).where(hostile.c(VALUE).eq(v)), Integer.class))
                            .blockLast(T))
                    .as("eq %s", v)
                    .isEqualTo(id);
            assertThat(engine.connect(c -> c.execute(
                                    select(hostile.c(ID)).where(hostile.c(VALUE).contains(v))))
                            .map(r -> r.get(0, Integer.class))
                            .collectList()
                            .block(T))
                    .as("contains %s", v)
                    .containsExactly(id);
            assertThat(engine.connect(c -> c.execute(
                                    select(hostile.c(ID)).where(hostile.c(VALUE).startsWith(v))))
                            .map(r -> r.get(0, Integer.class))
                            .collectList()
                            .block(T))
                    .as("startsWith %s", v)
                    .containsExactly(id);
        }
        assertThat(engine.connect(c -> c.execute(
                                select(hostile.c(ID)).where(hostile.c(VALUE).in(VALUES.subList(0, 3)))))
                        .collectList()
                        .block(T))
                .hasSize(3);
        // a hostile value as a label-free literal and inside an update / delete
        engine.transaction(c -> c.executeUpdate(update(hostile)
                        .set(hostile.c(NOTE), VALUES.get(1).substring(0, 20))
                        .where(hostile.c(VALUE).eq(VALUES.get(0)))))
                .blockLast(T);
        assertThat(engine.connect(c -> c.scalar(
                                select(hostile.c(NOTE)).where(hostile.c(ID).eq(0)), String.class))
                        .blockLast(T))
                .isEqualTo(VALUES.get(1).substring(0, 20));
        engine.transaction(c ->
                        c.executeUpdate(delete(hostile).where(hostile.c(VALUE).eq(VALUES.get(1)))))
                .blockLast(T);
        assertThat(engine.connect(c -> c.scalar(select(func.count()).from(hostile), Long.class))
                        .blockLast(T))
                .isEqualTo((long) VALUES.size() - 1);
        assertThat(engine.connect(c -> c.scalar(select(literal(VALUES.get(0)).label("v")), String.class))
                        .blockLast(T))
                .isEqualTo(VALUES.get(0));

        // nothing ran that was not written: every statement is one of ours, with no value in its text, and the
        // victims table is intact
        List<String> executed = recorder.sql();
        assertThat(db.query("SELECT COUNT(*) AS n FROM victims")
                        .get(0)
                        .values()
                        .iterator()
                        .next()
                        .toString())
                .isEqualTo("1");
        for (String sql : executed) {
            assertThat(sql).matches("^(INSERT INTO|SELECT|UPDATE|DELETE FROM) .*");
            for (String v : VALUES) {
                assertThat(sql).doesNotContain(v);
            }
        }
        // 2 inserts, 1 select, 3 per value, 1 IN, update + check, delete + count, 1 literal: nothing else ran
        assertThat(executed).hasSize(2 + 1 + 3 * VALUES.size() + 1 + 2 + 2 + 1);
    }
}
