package io.retort.types;

import static io.retort.types.Types.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.core.TypeConversionException;
import io.retort.dialect.TypeMap;
import io.retort.dialects.h2.H2Dialect;
import io.retort.dialects.mariadb.MariaDbDialect;
import io.retort.dialects.postgresql.PostgresDialect;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-dialect DDL names and value conversions, without a database. */
class TypeMapTest {
    private static final TypeMap PG = new PostgresDialect().typeMap();
    private static final TypeMap MARIADB = new MariaDbDialect().typeMap();
    private static final TypeMap H2 = new H2Dialect().typeMap();

    enum Color {
        RED,
        GREEN
    }

    record Money(BigDecimal amount) {}

    /** A toy codec: a Map<String, String> as a flat JSON object. */
    static final JsonCodec FLAT = new JsonCodec() {
        @Override
        public String write(Object value) {
            StringBuilder sb = new StringBuilder("{");
            ((Map<?, ?>) value).forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "")
                    .append('"')
                    .append(k)
                    .append("\":\"")
                    .append(v)
                    .append('"'));
            return sb.append('}').toString();
        }

        @Override
        public <T> T read(String json, Class<T> type) {
            Map<String, String> m = new java.util.TreeMap<>();
            String body = json.trim().replaceAll("^\\{|\\}$", "");
            for (String pair : body.isBlank() ? new String[0] : body.split(",")) {
                String[] kv = pair.split(":");
                m.put(kv[0].trim().replace("\"", ""), kv[1].trim().replace("\"", ""));
            }
            return type.cast(m);
        }
    };

    @Test
    void ddlNamesPerDialect() {
        assertThat(PG.ddl(UUID)).isEqualTo("UUID");
        assertThat(MARIADB.ddl(UUID)).isEqualTo("CHAR(36)");
        assertThat(H2.ddl(UUID)).isEqualTo("UUID");
        assertThat(PG.ddl(JSON)).isEqualTo("JSONB");
        assertThat(MARIADB.ddl(JSON)).isEqualTo("JSON");
        assertThat(H2.ddl(JSON)).isEqualTo("JSON");
        assertThat(PG.ddl(TIMESTAMP_TZ)).isEqualTo("TIMESTAMP WITH TIME ZONE");
        assertThat(MARIADB.ddl(TIMESTAMP_TZ)).isEqualTo("DATETIME(6)");
        assertThat(H2.ddl(INTERVAL)).isEqualTo("INTERVAL DAY(9) TO SECOND(6)");
        assertThat(PG.ddl(arrayOf(INTEGER))).isEqualTo("INTEGER[]");
        assertThat(H2.ddl(arrayOf(BIGINT))).isEqualTo("BIGINT ARRAY");
        assertThat(PG.ddl(enumOf(Color.class))).isEqualTo("VARCHAR(5)");
        assertThat(PG.ddl(enumOf(Color.class).nativeEnum())).isEqualTo("color");
        assertThat(MARIADB.ddl(enumOf(Color.class).nativeEnum())).isEqualTo("ENUM('RED', 'GREEN')");
        assertThat(H2.ddl(enumOf(Color.class).nativeEnum())).isEqualTo("VARCHAR(5)");
        assertThat(PG.ddl(numeric(12, 2).withConverter(Money.class, Money::amount, Money::new)))
                .isEqualTo("NUMERIC(12, 2)");
        assertThatThrownBy(() -> MARIADB.ddl(INTERVAL)).hasMessageContaining("cannot represent type INTERVAL");
    }

    @Test
    void mariadbStoresUuidAsTextAndTimestampsWithTimeZoneAtUtc() {
        java.util.UUID u = java.util.UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        assertThat(MARIADB.toDriver(UUID, u)).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
        assertThat(MARIADB.fromDriver(UUID, "123e4567-e89b-12d3-a456-426614174000"))
                .isEqualTo(u);
        assertThat(PG.toDriver(UUID, u)).isSameAs(u);
        OffsetDateTime t = OffsetDateTime.parse("2024-01-01T10:00:00+05:30");
        assertThat(MARIADB.toDriver(TIMESTAMP_TZ, t)).isEqualTo(LocalDateTime.parse("2024-01-01T04:30:00"));
        assertThat(MARIADB.fromDriver(TIMESTAMP_TZ, LocalDateTime.parse("2024-01-01T04:30:00")))
                .isEqualTo(OffsetDateTime.of(2024, 1, 1, 4, 30, 0, 0, ZoneOffset.UTC));
        assertThat(MARIADB.driverClass(TIMESTAMP_TZ)).isEqualTo(LocalDateTime.class);
    }

    @Test
    void convertersEnumsArraysAndJsonCodecs() {
        SqlType<Money> money = numeric(12, 2).withConverter(Money.class, Money::amount, Money::new);
        assertThat(money.kind()).isEqualTo(TypeKind.CUSTOM);
        assertThat(money.storageType()).isEqualTo(numeric(12, 2));
        assertThat(PG.toDriver(money, new Money(BigDecimal.TEN))).isEqualTo(BigDecimal.TEN);
        assertThat(PG.fromDriver(money, new BigDecimal("1.50"))).isEqualTo(new Money(new BigDecimal("1.50")));
        assertThat(PG.toDriver(money, null)).isNull();

        assertThat(H2.toDriver(enumOf(Color.class), Color.GREEN)).isEqualTo("GREEN");
        assertThat(H2.fromDriver(enumOf(Color.class), "RED")).isEqualTo(Color.RED);
        assertThatThrownBy(() -> H2.fromDriver(enumOf(Color.class), "BLUE"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'BLUE' is not a constant of")
                .hasMessageContaining("[RED, GREEN]");

        Object arr = PG.toDriver(arrayOf(INTEGER), List.of(1, 2));
        assertThat(arr).isEqualTo(new Integer[] {1, 2});
        assertThat(PG.fromDriver(arrayOf(INTEGER), new Integer[] {3, null}))
                .isEqualTo(java.util.Arrays.asList(3, null));

        @SuppressWarnings({"unchecked", "rawtypes"})
        SqlType<Map> flat = json(Map.class, FLAT);
        assertThat(MARIADB.toDriver(flat, Map.of("a", "b"))).isEqualTo("{\"a\":\"b\"}");
        assertThat(MARIADB.fromDriver(flat, "{\"x\": \"y\"}")).isEqualTo(Map.of("x", "y"));
        assertThat(H2.toDriver(JSON, "{}")).isEqualTo("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(H2.fromDriver(JSON, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo("{}");

        ByteBuffer b = ByteBuffer.wrap(new byte[] {1, 2});
        Object bound = PG.toDriver(BLOB_BUFFER, b);
        ((ByteBuffer) bound).get();
        assertThat(b.remaining()).as("the caller's buffer is not consumed").isEqualTo(2);
        assertThat(PG.toDriver(BIGINT, 5)).isEqualTo(5L);
        assertThatThrownBy(() -> PG.toDriver(INTEGER, "five")).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void reflectedTypeNames() {
        assertThat(PG.reflectedType("character varying", 30, null, null)).isEqualTo(string(30));
        assertThat(PG.reflectedType("numeric", null, 12, 2)).isEqualTo(numeric(12, 2));
        assertThat(PG.reflectedType("timestamp with time zone", null, null, null))
                .isEqualTo(TIMESTAMP_TZ);
        assertThat(H2.reflectedType("INTERVAL", null, null, null)).isEqualTo(INTERVAL);
        assertThat(H2.reflectedType("CHARACTER LARGE OBJECT", null, null, null)).isEqualTo(TEXT);
        assertThat(MARIADB.reflectedType("longblob", null, null, null)).isEqualTo(BLOB);
        assertThat(MARIADB.reflectedType("geometry", null, null, null).kind()).isEqualTo(TypeKind.OTHER);
        assertThat(MARIADB.kindAfterReflection(UUID)).isEqualTo(TypeKind.CHAR);
        assertThat(PG.kindAfterReflection(enumOf(Color.class))).isEqualTo(TypeKind.VARCHAR);
        assertThat(PG.kindAfterReflection(enumOf(Color.class).nativeEnum())).isEqualTo(TypeKind.ENUM);
    }
}
