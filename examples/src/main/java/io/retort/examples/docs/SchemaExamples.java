package io.retort.examples.docs;

import static io.retort.schema.Column.column;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.text;
import static io.retort.types.Types.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.retort.core.Connection;
import io.retort.core.Engine;
import io.retort.schema.CheckConstraint;
import io.retort.schema.Column;
import io.retort.schema.ForeignKey;
import io.retort.schema.MetaData;
import io.retort.schema.ReferentialAction;
import io.retort.schema.Table;
import io.retort.sql.TextClause;
import io.retort.types.JsonCodec;
import io.retort.types.SqlType;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The snippets of docs/core/schema-and-types.md: tables with constraints, createAll / reflect / dropAll, a JSON
 * codec, a converter type and typed binds.
 *
 * <pre>{@code
 * SchemaExamples.createReflectDrop(engine).block();
 * }</pre>
 */
public final class SchemaExamples {
    private static final ObjectMapper mapper = new ObjectMapper();

    private SchemaExamples() {}

    /** A JSON document mapped through the codec. */
    public record Settings(String theme, int fontSize) {}

    // tag::money[]
    record Money(BigDecimal amount) {}

    static final SqlType<Money> MONEY = numeric(12, 2).withConverter(Money.class, Money::amount, Money::new);
    // end::money[]

    /**
     * Declares two tables, creates them, reflects the database and drops them again.
     *
     * @param engine the engine
     * @return completes when the tables are dropped
     */
    public static Mono<Void> createReflectDrop(Engine engine) {
        // tag::tables[]
        MetaData metadata = new MetaData();
        Table teams = metadata.table(
                "teams",
                column("id", INTEGER).primaryKey().autoincrement(),
                column("name", string(50)).notNull().unique().comment("Team's display name"));
        Table players = metadata.table(
                "players",
                column("id", BIGINT).primaryKey().autoincrement(),
                column("team_id", INTEGER)
                        .references(ForeignKey.to("teams.id").onDelete(ReferentialAction.CASCADE))
                        .index(),
                column("joined", TIMESTAMP_TZ).notNull().serverDefault("CURRENT_TIMESTAMP"),
                CheckConstraint.of("id > 0").named("ck_players_id"));

        Mono<Void> roundTrip = metadata.createAll(engine) // CREATE TABLE teams, then players; skips existing ones
                .then(MetaData.reflect(engine)) // Mono<MetaData>: what the database holds
                .then(metadata.dropAll(engine)); // DROP TABLE players, then teams
        // end::tables[]
        return roundTrip;
    }

    /**
     * A JSON column mapped to a class through Jackson, and a converter column.
     *
     * @return the columns
     */
    public static List<Column<?>> customColumns() {
        // tag::json[]
        JsonCodec jackson = new JsonCodec() {
            @Override
            public String write(Object value) throws Exception {
                return mapper.writeValueAsString(value);
            }

            @Override
            public <T> T read(String json, Class<T> type) throws Exception {
                return mapper.readValue(json, type);
            }
        };
        Column<Settings> settings = column("settings", json(Settings.class, jackson));
        // end::json[]
        // tag::money-column[]
        Column<Money> price = column("price", MONEY); // NUMERIC(12, 2) in DDL, Money in Java
        // end::money-column[]
        return List.of(settings, price);
    }

    /**
     * Typed binds with the expression language and with {@code text()}.
     *
     * @param conn a connection in a transaction
     * @param players the players table of {@link #createReflectDrop}
     * @return the joined timestamps
     */
    public static Flux<OffsetDateTime> typedBinds(Connection conn, Table players) {
        // tag::binds[]
        Mono<Long> added =
                conn.executeUpdate(insert(players), List.of(Map.of("team_id", 1, "joined", OffsetDateTime.now())));
        Flux<OffsetDateTime> joined = conn.execute(select(players.c("joined")))
                .map(row -> row.get(players.c("joined", OffsetDateTime.class)));

        TextClause insertText =
                text("INSERT INTO players (id, joined) VALUES (:id, :joined)").bindType("joined", TIMESTAMP_TZ);
        TextClause selectText = text("SELECT * FROM players").columns(players.columns()); // typed Java values
        // end::binds[]
        return added.thenMany(joined)
                .concatWith(conn.executeUpdate(insertText, Map.of("id", 99, "joined", OffsetDateTime.now()))
                        .thenMany(conn.execute(selectText))
                        .map(row -> row.get("joined", OffsetDateTime.class)));
    }
}
