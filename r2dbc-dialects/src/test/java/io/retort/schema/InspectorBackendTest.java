package io.retort.schema;

import static io.retort.schema.Column.column;
import static io.retort.sql.Sql.text;
import static io.retort.types.Types.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.core.Engine;
import io.retort.core.Row;
import io.retort.testing.Backend;
import io.retort.testing.BackendTest;
import io.retort.types.JsonCodec;
import io.retort.types.SqlType;
import io.retort.types.TypeKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The Inspector's answers, schema-qualified tables and a JSON codec, on every backend. */
class InspectorBackendTest {
    private static final Duration T = Duration.ofSeconds(60);

    @BackendTest
    void inspectorDescribesTheSchema(Backend db, Engine engine) {
        MetaData md = EverySchema.build(engine.dialect());
        md.createAll(engine).block(T);
        Inspector inspector = engine.inspect();

        assertThat(inspector.tableNames().block(T)).containsExactly("everything", "line_items", "line_notes", "teams");
        assertThat(inspector.hasTable("teams").block(T)).isTrue();
        assertThat(inspector.hasTable("nope").block(T)).isFalse();
        assertThat(inspector.sequenceNames(null).block(T)).containsExactly("order_numbers");

        List<ReflectedColumn> teams = inspector.columns("teams").block(T);
        assertThat(teams).extracting(ReflectedColumn::name).containsExactly("id", "name");
        assertThat(teams.get(0).autoincrement()).isTrue();
        assertThat(teams.get(1).type()).isEqualTo(string(50));
        assertThat(teams.get(1).nullable()).isFalse();
        assertThat(teams.get(1).comment()).isEqualTo("Team's display name");
        assertThat(inspector.columns("nope").block(T)).isEmpty();

        ReflectedColumn created = inspector.columns("everything").block(T).stream()
                .filter(c -> c.name().equals("created"))
                .findFirst()
                .orElseThrow();
        assertThat(created.serverDefault()).containsIgnoringCase("current_timestamp");

        assertThat(inspector.primaryKey("line_items").block(T).columns()).containsExactly("order_id", "line");
        ForeignKeyConstraint fk = inspector.foreignKeys("line_notes").block(T).get(0);
        assertThat(fk.name()).isEqualTo("fk_line_notes_line_items");
        assertThat(fk.columns()).containsExactly("order_id", "line");
        assertThat(fk.referredTable()).isEqualTo("line_items");
        assertThat(fk.referredColumns()).containsExactly("order_id", "line");
        assertThat(fk.onDelete()).isEqualTo(ReferentialAction.CASCADE);
        assertThat(fk.onUpdate()).isEqualTo(ReferentialAction.CASCADE);

        List<Index> indexes = inspector.indexes("everything").block(T);
        assertThat(indexes)
                .extracting(Index::name)
                .contains("ix_everything_day_at", "ix_everything_positive_score", "ix_everything_team_id");
        Index partial = indexes.stream()
                .filter(i -> i.name().equals("ix_everything_positive_score"))
                .findFirst()
                .orElseThrow();
        if (engine.dialect().ddlCompiler().supportsPartialIndexes()) {
            assertThat(partial.where()).contains("score").contains("0");
        }
        assertThat(inspector.uniqueConstraints("everything").block(T))
                .extracting(UniqueConstraint::name, UniqueConstraint::columns)
                .contains(org.assertj.core.groups.Tuple.tuple("uq_everything_label_code", List.of("label", "code")));
    }

    @BackendTest
    void schemaQualifiedTables(Backend db, Engine engine) {
        String schema =
                switch (db.name()) {
                    case "mariadb" -> db.query("SELECT DATABASE() AS d").get(0).get("d") + "_aux";
                    default -> "aux";
                };
        String create = db.name().equals("mariadb") ? "CREATE DATABASE IF NOT EXISTS " : "CREATE SCHEMA IF NOT EXISTS ";
        String drop = db.name().equals("mariadb") ? "DROP DATABASE IF EXISTS " : "DROP SCHEMA IF EXISTS ";
        String cascade = db.name().equals("postgresql") ? " CASCADE" : "";
        db.run(
                drop + engine.dialect().quoteIdentifier(schema) + cascade,
                create + engine.dialect().quoteIdentifier(schema));
        try {
            MetaData md = new MetaData();
            md.table(
                    schema,
                    "events",
                    column("id", BIGINT).primaryKey(),
                    column("kind", string(20)).index());
            md.table(
                    "event_notes",
                    column("id", INTEGER).primaryKey(),
                    column("event_id", BIGINT).notNull().references(schema + ".events.id"));
            md.createAll(engine).block(T);
            md.createAll(engine).block(T);
            assertThat(engine.inspect().tableNames(schema).block(T)).containsExactly("events");
            assertThat(engine.inspect().tableNames().block(T)).containsExactly("event_notes");
            assertThat(engine.inspect()
                            .foreignKeys("event_notes")
                            .block(T)
                            .get(0)
                            .referredTable())
                    .isEqualTo(schema + ".events");
            assertThat(engine.inspect().indexes(schema, "events").block(T))
                    .extracting(Index::name)
                    .containsExactly("ix_events_kind");
            md.dropAll(engine).block(T);
            assertThat(engine.inspect().tableNames(schema).block(T)).isEmpty();
            assertThat(engine.inspect().tableNames().block(T)).isEmpty();
        } finally {
            db.run(drop + engine.dialect().quoteIdentifier(schema) + cascade);
        }
    }

    /** A toy codec for a flat JSON object of strings. */
    static final JsonCodec FLAT = new JsonCodec() {
        @Override
        public String write(Object value) {
            StringBuilder sb = new StringBuilder("{");
            new TreeMap<>((Map<?, ?>) value).forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "")
                    .append('"')
                    .append(k)
                    .append("\": \"")
                    .append(v)
                    .append('"'));
            return sb.append('}').toString();
        }

        @Override
        public <T> T read(String json, Class<T> type) {
            Map<String, String> m = new TreeMap<>();
            String body = json.trim().replaceAll("^\\{|\\}$", "");
            for (String pair : body.isBlank() ? new String[0] : body.split(",")) {
                String[] kv = pair.split(":");
                m.put(kv[0].trim().replace("\"", ""), kv[1].trim().replace("\"", ""));
            }
            return type.cast(m);
        }
    };

    @BackendTest
    @SuppressWarnings({"unchecked", "rawtypes"})
    void jsonThroughACodecAndNullsOfEveryKind(Backend db, Engine engine) {
        SqlType<Map> settings = json(Map.class, FLAT);
        MetaData md = new MetaData();
        Table t = md.table("prefs", column("id", INTEGER).primaryKey(), column("settings", settings));
        md.createAll(engine).block(T);
        engine.connect(c -> c.executeUpdate(
                        SchemaBackendTest.insert(
                                engine.dialect(), t, new java.util.LinkedHashSet<>(List.of("id", "settings"))),
                        List.of(
                                Map.of("id", 1, "settings", Map.of("theme", "dark", "lang", "de")),
                                new java.util.HashMap<>(Map.of("id", 2)) {
                                    {
                                        put("settings", null);
                                    }
                                })))
                .blockLast(T);
        List<Row> rows = engine.connect(c -> c.execute(
                        text("SELECT id, settings FROM prefs ORDER BY id").columns(t.columns())))
                .collectList()
                .block(T);
        assertThat(rows.get(0).get("settings")).isEqualTo(Map.of("theme", "dark", "lang", "de"));
        assertThat(rows.get(1).get("settings")).isNull();
        assertThat(engine.inspect().columns("prefs").block(T).get(1).type().kind())
                .isEqualTo(TypeKind.JSON);
    }

    @BackendTest
    void sequencesAreCreatedSkippedAndDropped(Backend db, Engine engine) {
        MetaData md = new MetaData();
        Sequence seq =
                md.sequence(Sequence.named("order_numbers").startWith(1000).incrementBy(10));
        md.table("orders", column("id", INTEGER).primaryKey());
        md.createAll(engine).block(T);
        md.createAll(engine).block(T);
        String next = "SELECT " + seq.nextValueSql(engine.dialect()) + " AS n";
        List<Long> values = engine.connect(
                        c -> c.scalar(text(next), Long.class).concatWith(c.scalar(text(next), Long.class)))
                .collectList()
                .block(T);
        assertThat(values).containsExactly(1000L, 1010L);
        md.dropAll(engine).block(T);
        assertThat(engine.inspect().sequenceNames(null).block(T)).isEmpty();
    }

    @BackendTest
    void aValueOfTheWrongTypeFailsNamingTheParameter(Backend db, Engine engine) {
        MetaData md = new MetaData();
        Table t = md.table("nums", column("id", INTEGER).primaryKey());
        md.createAll(engine).block(T);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.connect(c -> c.executeUpdate(
                                SchemaBackendTest.insert(engine.dialect(), t, java.util.Set.of("id")),
                                Map.of("id", "five")))
                        .blockLast(T))
                .isInstanceOf(io.retort.core.InvalidRequestException.class)
                .hasMessageContaining("Cannot bind a java.lang.String to parameter :id")
                .hasMessageContaining("INTEGER");
    }

    @BackendTest
    void reflectedMetaDataCompilesBackToDdl(Backend db, Engine engine) {
        MetaData md = new MetaData();
        md.table(
                "parents",
                column("id", INTEGER).primaryKey(),
                column("name", string(40)).notNull());
        md.table(
                "children",
                column("id", BIGINT).primaryKey(),
                column("parent_id", INTEGER).references("parents.id"));
        md.createAll(engine).block(T);
        MetaData reflected = MetaData.reflect(engine).block(T);
        assertThat(reflected.sortedTables()).extracting(Table::name).containsExactly("parents", "children");
        List<String> ddl = reflected.createDdl(engine.dialect());
        assertThat(ddl.get(0)).startsWith("CREATE TABLE parents (").contains("name VARCHAR(40) NOT NULL");
        assertThat(ddl.get(1)).contains("FOREIGN KEY (parent_id) REFERENCES parents (id)");
    }

    @BackendTest
    void commentsWithQuotesAndBackslashesSurviveTheRoundTrip(Backend db, Engine engine) {
        String comment = "it's C:\\tmp \\' -- 東京";
        MetaData md = new MetaData();
        md.table(
                "notes",
                column("id", INTEGER).primaryKey(),
                column("body", TEXT).comment(comment));
        md.createAll(engine).block(T);
        assertThat(engine.inspect().columns("notes").block(T).get(1).comment()).isEqualTo(comment);
    }
}
