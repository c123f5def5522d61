package io.retort.core;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.retort.testing.Backend;
import io.retort.testing.BackendTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Echo through SLF4J, statement listeners, dialect detection. */
class EchoAndEngineTest {
    private static final Duration T = Duration.ofSeconds(30);

    @BackendTest
    void echoLogsSqlAndParameters(Backend db) {
        Logger logger = (Logger) LoggerFactory.getLogger("io.retort.engine");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        Engine engine = db.newEngine(EngineOptions.builder().echo(true).build());
        try {
            engine.connect(c -> c.execute(
                            text("SELECT CAST(:greeting AS VARCHAR(20)) AS g"), Map.of("greeting", "hello-echo")))
                    .blockLast(T);
            List<String> lines = appender.list.stream()
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
            assertThat(lines).anySatisfy(l -> assertThat(l)
                    .contains(
                            "SELECT CAST(" + engine.dialect().placeholderStyle().render(0) + " AS VARCHAR(20)) AS g")
                    .contains("hello-echo"));
            assertThat(appender.list)
                    .allSatisfy(e -> assertThat(e.getLevel().toString()).isIn("INFO", "DEBUG"));
        } finally {
            logger.detachAppender(appender);
            engine.dispose().block(T);
        }
    }

    @BackendTest
    void listenersSeeSqlParametersDurationAndRows(Backend db) {
        List<StatementEvent> before = new CopyOnWriteArrayList<>();
        List<StatementEvent> after = new CopyOnWriteArrayList<>();
        Engine engine = db.newEngine(EngineOptions.defaults());
        var off = engine.addListener(new StatementListener() {
            @Override
            public void beforeExecute(StatementEvent e) {
                before.add(e);
            }

            @Override
            public void afterExecute(StatementEvent e) {
                after.add(e);
            }
        });
        try {
            engine.connect(c -> c.execute(
                            text("SELECT CAST(:x AS INTEGER) AS x UNION ALL SELECT CAST(:y AS INTEGER) AS x"),
                            Map.of("x", 1, "y", 2)))
                    .blockLast(T);
            engine.connect(c -> c.execute(text("SELECT nonsense FROM nowhere")))
                    .onErrorResume(e -> reactor.core.publisher.Flux.empty())
                    .blockLast(T);
            off.dispose();
            engine.connect(c -> c.execute(text("SELECT 1"))).blockLast(T);
            assertThat(before).hasSize(2);
            assertThat(after).hasSize(2);
            StatementEvent ok = after.get(0);
            assertThat(ok.parameters()).containsExactly(List.of(1, 2));
            assertThat(ok.rows()).isEqualTo(2);
            assertThat(ok.finished()).isTrue();
            assertThat(ok.duration()).isPositive();
            assertThat(ok.error()).isEmpty();
            assertThat(after.get(1).error()).get().isInstanceOf(SqlSyntaxException.class);
        } finally {
            engine.dispose().block(T);
        }
    }

    @BackendTest
    void dialectIsFoundFromTheUrlAndFromTheConnectionFactory(Backend db, Engine engine) {
        assertThat(engine.dialect().name()).isEqualTo(db.name());
        Engine byo = Engine.create(engine.connectionFactory(), EngineOptions.defaults());
        assertThat(byo.dialect().name()).isEqualTo(db.name());
        assertThat(byo.connect(c -> c.scalar(text("SELECT 1"), Integer.class)).blockLast(T))
                .isEqualTo(1);
    }

    @Test
    void anUnknownDriverNamesItAndTheKnownDialects() {
        assertThatThrownBy(() -> Engine.create("r2dbc:oracle://localhost:1521/x"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("R2DBC driver 'oracle'")
                .hasMessageContaining("postgresql")
                .hasMessageContaining("mariadb")
                .hasMessageContaining("h2");
    }

    @Test
    void aUrlTheDriverRejectsSaysWhyNotThatTheDriverIsMissing() {
        assertThatThrownBy(() -> Engine.create("r2dbc:postgresql://127.0.0.1:5432/test"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("rejected the URL")
                .hasMessageContaining("user");
    }

    @Test
    void aMysqlUrlUsesTheMariaDbDialect() {
        assertThatThrownBy(() -> Engine.create("r2dbc:mysql://root@127.0.0.1:3306/test"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("No R2DBC driver on the class path serves 'mysql'");
        Engine h2 = Engine.create("r2dbc:h2:mem:///dialect_option");
        Engine e = Engine.create(
                h2.connectionFactory(), EngineOptions.builder().dialect("mysql").build());
        assertThat(e.dialect().name()).isEqualTo("mariadb");
    }
}
