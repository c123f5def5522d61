package io.retort.examples.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import io.retort.core.Engine;
import io.retort.core.Row;
import io.retort.testing.Backend;
import io.retort.testing.BackendTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every step of the {@link Tutorial} on H2, PostgreSQL and MariaDB (the backend matrix), each on a clean schema,
 * with the rows it must emit. Core steps run on the data of Core steps 1–3, ORM steps on the data of ORM step 1.
 */
class TutorialTest {
    private static final Duration T = Duration.ofSeconds(60);

    private static Tutorial core(Engine engine) {
        Tutorial t = new Tutorial(engine);
        t.createTables().block(T);
        assertThat(t.coreInsertUsers().block(T)).isEqualTo(3L);
        assertThat(t.coreInsertAddresses().block(T)).isEqualTo(3L);
        return t;
    }

    private static Tutorial orm(Backend db, Engine engine) {
        Tutorial t = new Tutorial(engine);
        t.createTables().block(T);
        db.recorder().clear();
        List<User> saved = t.ormAddAll().collectList().block(T);
        assertThat(saved).extracting(u -> u.name).containsExactly("spongebob", "sandy", "patrick");
        assertThat(saved).allSatisfy(u -> assertThat(u.id).isNotNull());
        assertThat(db.recorder().count(q -> q.contains("INSERT")))
                .as("one INSERT per table: " + db.recorder().sql())
                .isEqualTo(2);
        return t;
    }

    private static List<Map<String, Object>> rows(List<Row> rows, String... names) {
        return rows.stream()
                .map(r -> {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    for (String n : names) {
                        m.put(
                                n,
                                r.get(n, Object.class) instanceof Number
                                        ? r.get(n, Long.class)
                                        : r.get(n, String.class));
                    }
                    return m;
                })
                .collect(Collectors.toList());
    }

    @BackendTest
    void coreInsertsUsersAndAddresses(Backend db, Engine engine) {
        core(engine);
        assertThat(db.query("SELECT name FROM user_account ORDER BY id"))
                .extracting(m -> m.values().iterator().next())
                .containsExactly("spongebob", "sandy", "patrick");
        assertThat(db.query("SELECT a.email_address FROM address a JOIN user_account u ON u.id = a.user_id"
                        + " WHERE u.name = 'sandy' ORDER BY a.email_address"))
                .extracting(m -> m.values().iterator().next())
                .containsExactly("sandy@sqlalchemy.org", "sandy@squirrelpower.org");
    }

    @BackendTest
    void coreSelectWhere(Backend db, Engine engine) {
        Tutorial t = core(engine);
        List<Row> rows = t.coreSelectWhere().collectList().block(T);
        assertThat(rows(rows, "name", "fullname"))
                .containsExactly(Map.of("name", "spongebob", "fullname", "Spongebob Squarepants"));
        assertThat(rows.get(0).get("id", Long.class)).isPositive();
    }

    @BackendTest
    void coreJoin(Backend db, Engine engine) {
        Tutorial t = core(engine);
        assertThat(rows(t.coreJoin().collectList().block(T), "name", "email_address"))
                .containsExactly(
                        Map.of("name", "sandy", "email_address", "sandy@sqlalchemy.org"),
                        Map.of("name", "sandy", "email_address", "sandy@squirrelpower.org"),
                        Map.of("name", "spongebob", "email_address", "spongebob@sqlalchemy.org"));
    }

    @BackendTest
    void coreGroupByCount(Backend db, Engine engine) {
        Tutorial t = core(engine);
        assertThat(rows(t.coreGroupByCount().collectList().block(T), "name", "count"))
                .containsExactly(Map.of("name", "sandy", "count", 2L));
    }

    @BackendTest
    void coreUpdateDeleteAndRollback(Backend db, Engine engine) {
        Tutorial t = core(engine);
        assertThat(t.coreUpdate().block(T)).isEqualTo(1L);
        assertThat(db.query("SELECT fullname FROM user_account WHERE name = 'patrick'"))
                .extracting(m -> m.values().iterator().next())
                .containsExactly("Patrick the Star");
        assertThat(t.coreDelete().block(T)).isEqualTo(1L);
        assertThat(db.query("SELECT name FROM user_account ORDER BY id"))
                .extracting(m -> m.values().iterator().next())
                .containsExactly("spongebob", "sandy");
        assertThat(t.coreRollback().block(T)).isEqualTo(3L);
    }

    @BackendTest
    void ormSelectWhereAndJoin(Backend db, Engine engine) {
        Tutorial t = orm(db, engine);
        assertThat(t.ormSelectWhere().collectList().block(T))
                .extracting(u -> u.name, u -> u.fullname)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("spongebob", "Spongebob Squarepants"),
                        org.assertj.core.groups.Tuple.tuple("sandy", "Sandy Cheeks"));
        Address address = t.ormJoin().block(T);
        assertThat(address.emailAddress).isEqualTo("sandy@sqlalchemy.org");
        assertThat(address.id).isNotNull();
    }

    @BackendTest
    void ormGroupByCount(Backend db, Engine engine) {
        Tutorial t = orm(db, engine);
        assertThat(rows(t.ormGroupByCount().collectList().block(T), "name", "count"))
                .containsExactly(Map.of("name", "sandy", "count", 2L));
    }

    @BackendTest
    void ormSelectinloadAndLazyFetch(Backend db, Engine engine) {
        Tutorial t = orm(db, engine);
        db.recorder().clear();
        assertThat(t.ormSelectinload().collectList().block(T))
                .containsExactly(
                        Map.entry("spongebob", List.of("spongebob@sqlalchemy.org")),
                        Map.entry("sandy", List.of("sandy@sqlalchemy.org", "sandy@squirrelpower.org")),
                        Map.entry("patrick", List.of()));
        assertThat(db.recorder().count()).as("users, then their addresses").isEqualTo(2);
        db.recorder().clear();
        assertThat(t.ormLazyFetch().block(T))
                .isEqualTo("sandy: [sandy@sqlalchemy.org, sandy@squirrelpower.org], first belongs to sandy");
        assertThat(db.recorder().count(q -> q.startsWith("SELECT")))
                .as("sandy, then her addresses; address.user comes from the identity map: "
                        + db.recorder().sql())
                .isEqualTo(2);
    }

    @BackendTest
    void ormUpdate(Backend db, Engine engine) {
        Tutorial t = orm(db, engine);
        db.recorder().clear();
        assertThat(t.ormUpdate().block(T)).isEqualTo(1);
        assertThat(db.recorder().count(q -> q.contains("UPDATE"))).isEqualTo(1);
        assertThat(db.recorder().count(q -> q.contains("INSERT"))).isEqualTo(1);
        assertThat(db.query("SELECT u.name, a.email_address FROM address a JOIN user_account u ON u.id = a.user_id"
                        + " ORDER BY a.id"))
                .extracting(m -> m.values().stream().map(Object::toString).collect(Collectors.joining(" ")))
                .containsExactly(
                        "spongebob spongebob@sqlalchemy.org",
                        "sandy sandy_cheeks@sqlalchemy.org",
                        "sandy sandy@squirrelpower.org",
                        "patrick patrickstar@sqlalchemy.org");
    }

    @BackendTest
    void ormRollback(Backend db, Engine engine) {
        Tutorial t = orm(db, engine);
        assertThat(t.ormRollback().block(T)).isEqualTo("Sandy Squirrel/4 -> Sandy Cheeks/3");
        assertThat(db.query("SELECT fullname FROM user_account WHERE name = 'sandy'"))
                .extracting(m -> m.values().iterator().next())
                .containsExactly("Sandy Cheeks");
    }

    @BackendTest
    void ormDelete(Backend db, Engine engine) {
        Tutorial t = orm(db, engine);
        t.ormUpdate().block(T); // patrick gets an address, deleted with him
        assertThat(t.ormDelete().collectList().block(T)).containsExactly("sandy", "spongebob");
        assertThat(db.query("SELECT email_address FROM address ORDER BY id"))
                .extracting(m -> m.values().iterator().next())
                .containsExactly("spongebob@sqlalchemy.org", "sandy@squirrelpower.org");
    }
}
