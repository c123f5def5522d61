package io.retort.schema;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.core.Engine;
import io.retort.core.Row;
import io.retort.dialect.Dialect;
import io.retort.dialect.TypeMap;
import io.retort.schema.EverySchema.Money;
import io.retort.schema.EverySchema.Mood;
import io.retort.schema.EverySchema.Status;
import io.retort.sql.TextClause;
import io.retort.testing.Backend;
import io.retort.testing.BackendTest;
import io.retort.types.SqlType;
import io.retort.types.TypeKind;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** createAll, a row of every type, reflection, dropAll: on every backend. */
class SchemaBackendTest {
    private static final Duration T = Duration.ofSeconds(60);

    /** Three rows: high values, low values, nulls. */
    static List<Map<String, Object>> rows(Dialect d, long teamId) {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        Map<String, Object> high = new LinkedHashMap<>();
        high.put("team_id", (int) teamId);
        high.put("small", Short.MAX_VALUE);
        high.put("num", Integer.MAX_VALUE);
        high.put("big", Long.MAX_VALUE);
        high.put("flag", true);
        high.put("label", "Grüße aus Köln — 東京 🎉 Ελληνικά עברית");
        high.put("body", "line 1\nline 2 ' \" \\ % _ ; -- " + "ж".repeat(5000));
        high.put("code", "äbc");
        high.put("amount", new BigDecimal("9999999999.99"));
        high.put("price", new Money(new BigDecimal("1234567890.12")));
        high.put("ratio", 1.5e38f);
        high.put("score", Double.MAX_VALUE);
        high.put("day", LocalDate.of(9999, 12, 31));
        high.put("at_time", LocalTime.of(23, 59, 59, 999_999_000));
        high.put("at", LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000));
        high.put("at_tz", OffsetDateTime.parse("2024-12-31T23:59:59.999999+14:00"));
        if (EverySchema.hasInterval(d)) {
            high.put(
                    "span",
                    Duration.ofDays(40)
                            .plusHours(5)
                            .plusMinutes(6)
                            .plusSeconds(7)
                            .plusNanos(891_000));
        }
        high.put("data", all);
        high.put("buf", ByteBuffer.wrap(new byte[] {0, -1, 127, -128}));
        high.put("bin", Arrays.copyOf(all, 16));
        high.put("uid", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        high.put("doc", "{\"a\": 1, \"b\": [true, null], \"ü\": \"東京\"}");
        high.put("mood", Mood.HAPPY);
        high.put("status", Status.CANCELLED);
        if (EverySchema.hasArrays(d)) {
            high.put("tags", List.of("x", "ü東", ""));
        }
        Map<String, Object> low = new LinkedHashMap<>(high);
        low.put("small", Short.MIN_VALUE);
        low.put("num", Integer.MIN_VALUE);
        low.put("big", Long.MIN_VALUE);
        low.put("flag", false);
        low.put("label", "");
        low.put("amount", new BigDecimal("0.00"));
        low.put("price", new Money(new BigDecimal("-9999999999.99")));
        low.put("ratio", -1.25e-3f);
        low.put("score", -Double.MIN_NORMAL);
        low.put("day", LocalDate.of(1970, 1, 1));
        low.put("at_time", LocalTime.MIDNIGHT);
        low.put("at", LocalDateTime.of(1970, 1, 1, 0, 0));
        low.put("at_tz", OffsetDateTime.parse("2024-03-10T02:30:00.123456-08:00"));
        if (EverySchema.hasInterval(d)) {
            low.put("span", Duration.ofSeconds(-3600));
        }
        low.put("data", new byte[0]);
        low.put("uid", UUID.randomUUID());
        low.put("doc", "[]");
        low.put("mood", Mood.MEH);
        low.put("status", Status.NEW);
        if (EverySchema.hasArrays(d)) {
            low.put("tags", List.of());
        }
        Map<String, Object> nulls = new LinkedHashMap<>();
        for (String k : high.keySet()) {
            nulls.put(k, null);
        }
        Map<String, Object> utc = new LinkedHashMap<>(high);
        utc.put("at_tz", OffsetDateTime.parse("1970-01-01T00:00:00Z"));
        utc.put("label", "utc");
        return List.of(high, low, nulls, utc);
    }

    /** An INSERT of {@code names} with every parameter bound through its column's type. */
    static TextClause insert(Dialect d, Table t, Set<String> names) {
        List<String> cols = new ArrayList<>(names);
        TextClause q = text("INSERT INTO " + d.quoteIdentifier(t.name()) + " ("
                + cols.stream().map(d::quoteIdentifier).collect(Collectors.joining(", ")) + ") VALUES ("
                + cols.stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ") /* text() */");
        for (String c : cols) {
            q = q.bindType(c, t.c(c).type());
        }
        return q;
    }

    @BackendTest
    void createAllInsertEveryTypeReadBackReflectDropAll(Backend db, Engine engine) {
        Dialect d = engine.dialect();
        MetaData md = EverySchema.build(d);
        md.createAll(engine).block(T);
        assertThat(engine.inspect().tableNames().block(T))
                .containsExactlyInAnyOrder("everything", "line_items", "line_notes", "teams");

        Long teamId = engine.connect(
                        c -> c.executeUpdate(text("INSERT INTO teams (name) VALUES (:n)"), Map.of("n", "t1"))
                                .thenMany(c.scalar(text("SELECT MAX(id) FROM teams"), Long.class)))
                .blockLast(T);
        Table everything = md.table("everything");
        List<Map<String, Object>> rows = rows(d, teamId);
        TextClause finalInsert = insert(d, everything, rows.get(0).keySet());
        engine.transaction(c -> c.executeUpdate(finalInsert, rows)).blockLast(T);

        List<Row> back = engine.connect(c ->
                        c.execute(text("SELECT * FROM everything ORDER BY id").columns(everything.columns())))
                .collectList()
                .block(T);
        assertThat(back).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> expected = rows.get(i);
            Row actual = back.get(i);
            for (Map.Entry<String, Object> e : expected.entrySet()) {
                assertSame(d, everything.c(e.getKey()).type(), e.getKey(), e.getValue(), actual.get(e.getKey()));
            }
            assertThat(actual.get("created")).isInstanceOf(LocalDateTime.class);
        }

        assertReflectedMatches(engine, md);

        md.createAll(engine).block(T); // twice: harmless
        assertThat(engine.inspect().tableNames().block(T)).hasSize(4);
        assertThat(engine.connect(c -> c.scalar(text("SELECT COUNT(*) FROM everything"), Long.class))
                        .blockLast(T))
                .isEqualTo(4L);

        md.dropAll(engine).block(T);
        assertThat(engine.inspect().tableNames().block(T)).isEmpty();
        assertThat(engine.inspect().sequenceNames(null).block(T)).doesNotContain("order_numbers");
        md.dropAll(engine).block(T); // nothing left: harmless
    }

    private static void assertSame(Dialect d, SqlType<?> type, String col, Object expected, Object actual) {
        String what = d.name() + " column " + col;
        if (expected == null) {
            assertThat(actual).as(what).isNull();
            return;
        }
        assertThat(actual).as(what).isNotNull();
        if (expected instanceof BigDecimal b) {
            assertThat((BigDecimal) actual).as(what).isEqualByComparingTo(b);
        } else if (expected instanceof Money m) {
            assertThat(((Money) actual).amount()).as(what).isEqualByComparingTo(m.amount());
        } else if (expected instanceof OffsetDateTime o) {
            OffsetDateTime a = (OffsetDateTime) actual;
            assertThat(a.toInstant()).as(what).isEqualTo(o.toInstant());
            if (d.name().equals("h2")) {
                assertThat(a).as(what + " keeps its offset").isEqualTo(o);
            }
        } else if (expected instanceof byte[] b) {
            assertThat((byte[]) actual).as(what).isEqualTo(b);
        } else if (expected instanceof String s && type.kind() == TypeKind.JSON) {
            assertThat(((String) actual).replace(" ", "")).as(what).isEqualTo(s.replace(" ", ""));
        } else {
            assertThat(actual).as(what).isEqualTo(expected);
        }
    }

    static void assertReflectedMatches(Engine engine, MetaData model) {
        Dialect d = engine.dialect();
        TypeMap types = d.typeMap();
        MetaData reflected = MetaData.reflect(engine).block(T);
        assertThat(reflected.tables().stream().map(Table::name).toList())
                .containsExactlyInAnyOrderElementsOf(
                        model.tables().stream().map(Table::name).toList());
        for (Table m : model.tables()) {
            Table r = reflected.table(m.name());
            String where = d.name() + " table " + m.name();
            assertThat(r.columns().stream().map(Column::name).toList())
                    .as(where)
                    .containsExactlyElementsOf(
                            m.columns().stream().map(Column::name).toList());
            for (Column<?> mc : m.columns()) {
                Column<?> rc = r.c(mc.name());
                assertThat(rc.type().kind())
                        .as(where + "." + mc.name())
                        .isEqualTo(types.kindAfterReflection(mc.type()));
                SqlType<?> st = mc.type().storageType();
                if (st.kind() == TypeKind.VARCHAR || st.kind() == TypeKind.CHAR) {
                    assertThat(rc.type().length())
                            .as(where + "." + mc.name() + " length")
                            .isEqualTo(st.length());
                }
                if (st.kind() == TypeKind.NUMERIC) {
                    assertThat(rc.type().precision())
                            .as(where + "." + mc.name())
                            .isEqualTo(st.precision());
                    assertThat(rc.type().scale()).as(where + "." + mc.name()).isEqualTo(st.scale());
                }
                assertThat(rc.isNullable())
                        .as(where + "." + mc.name() + " nullable")
                        .isEqualTo(mc.isNullable());
                assertThat(rc.isAutoincrement())
                        .as(where + "." + mc.name() + " autoincrement")
                        .isEqualTo(mc.isAutoincrement());
                assertThat(rc.comment())
                        .as(where + "." + mc.name() + " comment")
                        .isEqualTo(mc.comment());
            }
            assertThat(r.primaryKey().stream().map(Column::name).toList())
                    .as(where + " primary key")
                    .containsExactlyElementsOf(
                            m.primaryKey().stream().map(Column::name).toList());
            assertThat(fks(r)).as(where + " foreign keys").containsExactlyInAnyOrderElementsOf(fks(m));
            Set<List<String>> reflectedUniques = r.uniqueConstraints().stream()
                    .map(UniqueConstraint::columns)
                    .collect(Collectors.toSet());
            for (UniqueConstraint u : m.uniqueConstraints()) {
                assertThat(reflectedUniques).as(where + " unique " + u).contains(u.columns());
            }
            Map<String, String> reflectedIx = new HashMap<>();
            r.indexes().forEach(i -> reflectedIx.put(i.name(), i.columns() + (i.isUnique() ? " unique" : "")));
            for (Index i : m.indexes()) {
                assertThat(reflectedIx)
                        .as(where + " index " + i.name())
                        .containsEntry(i.name(), i.columns() + (i.isUnique() ? " unique" : ""));
            }
            Set<String> allowed = new java.util.HashSet<>();
            m.indexes().forEach(i -> allowed.add(i.name()));
            m.uniqueConstraints().forEach(u -> allowed.add(u.name()));
            r.uniqueConstraints().forEach(u -> allowed.add(u.name()));
            assertThat(reflectedIx.keySet())
                    .as(where + " no unexpected indexes")
                    .isSubsetOf(allowed);
        }
    }

    private static Set<String> fks(Table t) {
        return t.foreignKeys().stream()
                .map(f -> f.columns() + "->" + f.referredTable() + f.referredColumns() + " ON DELETE " + f.onDelete()
                        + " ON UPDATE " + f.onUpdate())
                .collect(Collectors.toSet());
    }

    @BackendTest
    void foreignKeyCycleIsCreatedWithAlterAndDropped(Backend db, Engine engine) {
        MetaData md = EverySchema.cycle();
        md.createAll(engine).block(T);
        assertThat(engine.inspect().foreignKeys("a").block(T)).hasSize(1);
        assertThat(engine.inspect().foreignKeys("b").block(T)).hasSize(1);
        engine.connect(c -> c.executeUpdate(text("INSERT INTO a (id) VALUES (1)"))
                        .then(c.executeUpdate(text("INSERT INTO b (id, a_id) VALUES (1, 1)")))
                        .then(c.executeUpdate(text("UPDATE a SET b_id = 1 WHERE id = 1"))))
                .blockLast(T);
        md.createAll(engine).block(T);
        md.dropAll(engine).block(T);
        assertThat(engine.inspect().tableNames().block(T)).isEmpty();
    }

    @BackendTest
    void expressionLanguageInsertAndSelectGoThroughTheTypes(Backend db, Engine engine) {
        Dialect d = engine.dialect();
        MetaData md = EverySchema.build(d);
        md.createAll(engine).block(T);
        engine.connect(c -> c.executeUpdate(io.retort.sql.Sql.insert(md.table("teams")), List.of(Map.of("name", "t1"))))
                .blockLast(T);
        Long teamId = engine.connect(c -> c.scalar(text("SELECT MAX(id) FROM teams"), Long.class))
                .blockLast(T);
        Table everything = md.table("everything");
        List<Map<String, Object>> rows = rows(d, teamId);
        engine.transaction(c -> c.executeUpdate(io.retort.sql.Sql.insert(everything), rows))
                .blockLast(T);
        List<Row> back = engine.connect(c -> c.execute(
                        io.retort.sql.Sql.select(everything.columns().toArray()).orderBy(everything.c("id"))))
                .collectList()
                .block(T);
        assertThat(back).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            for (Map.Entry<String, Object> e : rows.get(i).entrySet()) {
                Column<?> col = everything.c(e.getKey());
                assertSame(d, col.type(), e.getKey(), e.getValue(), back.get(i).get(col));
            }
        }
        Row first = engine.connect(c -> c.execute(io.retort.sql.Sql.select(everything.c("uid"), everything.c("price"))
                        .where(everything
                                .c("uid", java.util.UUID.class)
                                .eq(java.util.UUID.fromString("123e4567-e89b-12d3-a456-426614174000")))
                        .orderBy(everything.c("id"))))
                .blockFirst(T);
        assertThat(first.get(everything.c("price", Money.class))).isEqualTo(new Money(new BigDecimal("1234567890.12")));
    }
}
