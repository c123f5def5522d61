package io.retort.sql;

import static io.retort.sql.Sql.*;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.core.Engine;
import io.retort.core.InvalidRequestException;
import io.retort.core.Row;
import io.retort.dialect.Feature;
import io.retort.schema.Table;
import io.retort.testing.Backend;
import io.retort.testing.BackendTest;
import io.retort.testing.Fixtures;
import io.retort.testing.RequiresFeature;
import io.retort.testing.StatementRecorder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Every construct of the expression language executed on H2, PostgreSQL and MariaDB against {@link Fixtures}. */
class ExpressionExecutionTest {
    private static final Duration T = Duration.ofSeconds(30);
    private final Fixtures f = new Fixtures();
    private final Table users = f.users;
    private final Table addresses = f.addresses;
    private final Table employees = f.employees;

    private static List<Row> rows(Engine engine, Executable stmt) {
        return engine.connect(c -> c.execute(stmt)).collectList().block(T);
    }

    /** Each row's columns as strings (numbers normalised), for compact expectations. */
    private static List<List<String>> table(Engine engine, Executable stmt) {
        List<List<String>> out = new ArrayList<>();
        for (Row r : rows(engine, stmt)) {
            List<String> line = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                Object v = r.get(i);
                if (v instanceof BigDecimal b) {
                    v = b.stripTrailingZeros().toPlainString();
                }
                if (v instanceof Double d && d == Math.rint(d)) {
                    v = (long) d.doubleValue();
                }
                line.add(Objects.toString(v));
            }
            out.add(line);
        }
        return out;
    }

    private static List<String> column(Engine engine, Executable stmt) {
        return table(engine, stmt).stream().map(l -> l.get(0)).toList();
    }

    @BackendTest
    void selectWhereOrderLimitAndTheApiExample(Backend db, Engine engine) {
        f.create(db);
        Select q = select(users.c("name"), addresses.c("email"))
                .join(addresses)
                .where(users.c("name")
                        .in("spongebob", "sandy")
                        .and(addresses.c("email").like("%@sqlalchemy.org")))
                .orderBy(users.c("name").asc(), addresses.c("id").desc())
                .limit(10);
        assertThat(table(engine, q))
                .containsExactly(
                        List.of("sandy", "sandy@sqlalchemy.org"), List.of("spongebob", "spongebob@sqlalchemy.org"));
        List<Row> rs = rows(engine, q);
        assertThat((Object) rs.get(0).get(users.c("name"))).isEqualTo("sandy");
        assertThat((Object) rs.get(0).get(addresses.c("email"))).isEqualTo("sandy@sqlalchemy.org");

        assertThat(column(
                        engine,
                        select(users.c("id"))
                                .where(users.c("id").gt(1), users.c("name").ne("sandy"))
                                .orderBy(users.c("id"))))
                .containsExactly("3", "4");
        assertThat(column(
                        engine,
                        select(users.c("id"))
                                .where(or(users.c("id").eq(1), not(users.c("id").lt(4))))
                                .orderBy(users.c("id").desc())))
                .containsExactly("4", "1");
        assertThat(column(
                        engine,
                        select(users.c("id")).orderBy(users.c("id")).limit(2).offset(1)))
                .containsExactly("2", "3");
        assertThat(column(engine, select(users.c("id")).orderBy(users.c("id")).offset(3)))
                .containsExactly("4");
    }

    @BackendTest
    void scalarCountAndRowGetByColumn(Backend db, Engine engine) {
        f.create(db);
        Long n = engine.connect(conn -> conn.scalar(select(func.count()).from(users), Long.class))
                .single()
                .block(T);
        assertThat(n).isEqualTo(4L);
        Row r = engine.connect(c -> c.execute(select(users.c("id"), addresses.c("id"))
                        .join(addresses)
                        .where(addresses.c("id").eq(3))))
                .single()
                .block(T);
        assertThat((Object) r.get(users.c("id"))).isEqualTo(2);
        assertThat((Object) r.get(addresses.c("id"))).isEqualTo(3);
        ColumnElement<Long> cnt = func.count();
        Row c = engine.connect(conn -> conn.execute(select(cnt).from(addresses)))
                .single()
                .block(T);
        assertThat(c.get(cnt)).isEqualTo(3L);
        Row byShape = engine.connect(conn -> conn.execute(select(func.count()).from(addresses)))
                .single()
                .block(T);
        assertThat(byShape.get(func.count())).isEqualTo(3L);
    }

    @BackendTest
    void joinsAliasesSelfJoin(Backend db, Engine engine) {
        f.create(db);
        assertThat(table(
                        engine,
                        select(users.c("name"), addresses.c("email"))
                                .outerJoin(addresses)
                                .orderBy(users.c("id"), addresses.c("id"))))
                .containsExactly(
                        List.of("spongebob", "spongebob@sqlalchemy.org"),
                        List.of("sandy", "sandy@sqlalchemy.org"),
                        List.of("sandy", "sandy@squirrelpower.org"),
                        List.of("patrick", "null"),
                        List.of("squidward", "null"));
        Alias boss = employees.alias("boss");
        assertThat(table(
                        engine,
                        select(employees.c("name"), boss.c("name").label("boss_name"))
                                .join(boss)
                                .orderBy(employees.c("id"))))
                .containsExactly(List.of("squidward", "krabs"), List.of("spongebob", "krabs"));
        assertThat(column(
                        engine,
                        select(addresses.c("email"))
                                .from(addresses.join(users))
                                .where(users.c("name").eq("spongebob"))))
                .containsExactly("spongebob@sqlalchemy.org");
    }

    @BackendTest
    @RequiresFeature(Feature.FULL_OUTER_JOIN)
    void fullOuterJoin(Backend db, Engine engine) {
        f.create(db);
        assertThat(rows(
                        engine,
                        select(users.c("id"), addresses.c("id"))
                                .fullOuterJoin(addresses, users.c("id").eq(addresses.c("user_id")))))
                .hasSize(5);
    }

    @BackendTest
    void groupByHavingDistinctNullsOrdering(Backend db, Engine engine) {
        f.create(db);
        assertThat(table(
                        engine,
                        select(addresses.c("user_id"), func.count().label("n"))
                                .groupBy(addresses.c("user_id"))
                                .having(func.count().gt(1))))
                .containsExactly(List.of("2", "2"));
        assertThat(column(
                        engine,
                        select(addresses.c("user_id"))
                                .distinct()
                                .orderBy(addresses.c("user_id").desc())))
                .containsExactly("2", "1");
        assertThat(column(
                        engine,
                        select(users.c("name")).orderBy(users.c("score").desc().nullsLast())))
                .containsExactly("sandy", "spongebob", "squidward", "patrick");
        assertThat(column(
                        engine,
                        select(users.c("name")).orderBy(users.c("score").asc().nullsFirst())))
                .containsExactly("patrick", "squidward", "spongebob", "sandy");
    }

    @BackendTest
    void operators(Backend db, Engine engine) {
        f.create(db);
        assertThat(column(
                        engine,
                        select(users.c("id")).where(users.c("id").between(2, 3)).orderBy(users.c("id"))))
                .containsExactly("2", "3");
        assertThat(column(engine, select(users.c("id")).where(users.c("score").isNull())))
                .containsExactly("3");
        assertThat(column(
                        engine, select(users.c("id")).where(users.c("fullname").eq(null))))
                .containsExactly("4");
        assertThat(column(engine, select(users.c("id")).where(users.c("id").notIn(1, 2, 3))))
                .containsExactly("4");
        assertThat(column(engine, select(users.c("id")).where(users.c("id").in(List.of()))))
                .isEmpty();
        assertThat(column(engine, select(users.c("id")).where(users.c("id").notIn(List.of()))))
                .hasSize(4);
        assertThat(column(
                        engine,
                        select(users.c("id"))
                                .where(users.c("id").in(select(addresses.c("user_id"))))
                                .orderBy(users.c("id"))))
                .containsExactly("1", "2");
        assertThat(column(
                        engine,
                        select(users.c("name"))
                                .where(
                                        users.c("name").like("s%"),
                                        users.c("name").notLike("%y"))
                                .orderBy(users.c("id"))))
                .containsExactly("spongebob", "squidward");
        assertThat(column(engine, select(users.c("name")).where(users.c("name").ilike("SAN%"))))
                .containsExactly("sandy");
        assertThat(column(engine, select(users.c("name")).where(users.c("name").notIlike("S%"))))
                .containsExactly("patrick");
        assertThat(column(engine, select(users.c("name")).where(users.c("name").startsWith("sq"))))
                .containsExactly("squidward");
        assertThat(column(engine, select(users.c("name")).where(users.c("name").endsWith("bob"))))
                .containsExactly("spongebob");
        assertThat(column(engine, select(users.c("name")).where(users.c("name").contains("ndy"))))
                .containsExactly("sandy");
        assertThat(column(
                        engine,
                        select(users.c("id").add(1).mul(2).label("x"))
                                .where(users.c("id").eq(3))))
                .containsExactly("8");
        assertThat(column(
                        engine,
                        select(users.c("id").sub(1).label("a"), users.c("id").mod(2))
                                .where(users.c("id").eq(3))))
                .containsExactly("2");
        assertThat(column(
                        engine,
                        select(users.c("name")
                                        .concat("!")
                                        .concat(users.c("name"))
                                        .label("s"))
                                .where(users.c("id").eq(2))))
                .containsExactly("sandy!sandy");
        assertThat(column(
                        engine,
                        select(users.c("id"))
                                .where(tuple(users.c("id"), users.c("name")).in(tuple(1, "spongebob"), tuple(2, "x")))))
                .containsExactly("1");
        assertThat(column(
                        engine,
                        select(users.c("id"))
                                .where(tuple(users.c("id"), users.c("name")).eq(tuple(2, "sandy")))))
                .containsExactly("2");
    }

    @BackendTest
    void caseCastCoalesceLiteralBindparamText(Backend db, Engine engine) {
        f.create(db);
        assertThat(column(
                        engine,
                        select(case_().when(users.c("id").lt(3), "low")
                                        .else_("high")
                                        .label("band"))
                                .orderBy(users.c("id"))))
                .containsExactly("low", "low", "high", "high");
        assertThat(column(
                        engine,
                        select(case_(users.c("id"))
                                        .when(1, "one")
                                        .when(2, "two")
                                        .label("w"))
                                .orderBy(users.c("id"))))
                .containsExactly("one", "two", "null", "null");
        assertThat(column(
                        engine,
                        select(cast(users.c("score"), INTEGER).label("i"))
                                .where(users.c("id").eq(4))))
                .containsExactly("5");
        assertThat(column(
                        engine,
                        select(users.c("id").cast(string(10)).concat("x").label("s"))
                                .where(users.c("id").eq(4))))
                .containsExactly("4x");
        assertThat(column(
                        engine,
                        select(coalesce(users.c("fullname"), users.c("name")).label("display"))
                                .orderBy(users.c("id"))))
                .containsExactly("Spongebob Squarepants", "Sandy Cheeks", "Patrick Star", "squidward");
        assertThat(column(engine, select(literal("hi").label("greeting")))).containsExactly("hi");
        Select byParam = select(users.c("name")).where(users.c("id").eq(bindparam("uid", INTEGER)));
        assertThat(engine.connect(c -> c.execute(byParam, Map.of("uid", 2)))
                        .map(r -> r.get("name", String.class))
                        .collectList()
                        .block(T))
                .containsExactly("sandy");
        Select withText = select(users.c("name"))
                .where(text("id > :min"))
                .where(users.c("id").lt(4))
                .orderBy(users.c("id"));
        assertThat(engine.connect(c -> c.execute(withText, Map.of("min", 1)))
                        .map(r -> r.get("name", String.class))
                        .collectList()
                        .block(T))
                .containsExactly("sandy", "patrick");
        assertThat(column(
                        engine,
                        select(users.c("id")).where(true_(), not(false_())).orderBy(users.c("id"))))
                .hasSize(4);
    }

    @BackendTest
    void functionsAndWindows(Backend db, Engine engine) {
        f.create(db);
        assertThat(table(
                        engine,
                        select(
                                func.count(users.c("fullname")),
                                func.sum(users.c("score")),
                                func.min(users.c("id")),
                                func.max(users.c("id")))))
                .containsExactly(List.of("3", "35.75", "1", "4"));
        assertThat(new BigDecimal(
                        column(engine, select(func.avg(users.c("score")))).get(0)))
                .isBetween(new BigDecimal("11.91"), new BigDecimal("11.92"));
        assertThat(table(
                        engine,
                        select(
                                        func.lower(users.c("fullname")),
                                        func.upper(users.c("name")),
                                        func.length(users.c("name")))
                                .where(users.c("id").eq(2))))
                .containsExactly(List.of("sandy cheeks", "SANDY", "5"));
        assertThat(rows(engine, select(func.now().label("t")))).hasSize(1);
        assertThat(column(
                        engine,
                        select(func.call("abs", users.c("id").neg()))
                                .where(users.c("id").eq(3))))
                .containsExactly("3");
        assertThat(table(
                        engine,
                        select(
                                        addresses.c("email"),
                                        func.rowNumber()
                                                .over(Window.partitionBy(addresses.c("user_id"))
                                                        .orderBy(addresses
                                                                .c("email")
                                                                .desc()))
                                                .label("rn"))
                                .orderBy(addresses.c("id"))))
                .containsExactly(
                        List.of("spongebob@sqlalchemy.org", "1"),
                        List.of("sandy@sqlalchemy.org", "2"),
                        List.of("sandy@squirrelpower.org", "1"));
    }

    @BackendTest
    void subqueriesExistsAndCtes(Backend db, Engine engine) {
        f.create(db);
        Select count = select(func.count()).where(addresses.c("user_id").eq(users.c("id")));
        assertThat(table(
                        engine,
                        select(users.c("name"), count.scalarSubquery().label("n"))
                                .orderBy(users.c("id"))))
                .containsExactly(
                        List.of("spongebob", "1"),
                        List.of("sandy", "2"),
                        List.of("patrick", "0"),
                        List.of("squidward", "0"));
        assertThat(column(
                        engine,
                        select(users.c("name"))
                                .where(exists(select(addresses.c("id"))
                                        .where(addresses.c("user_id").eq(users.c("id")))))
                                .orderBy(users.c("id"))))
                .containsExactly("spongebob", "sandy");
        assertThat(column(
                        engine,
                        select(users.c("name"))
                                .where(notExists(select(addresses.c("id"))
                                        .where(addresses.c("user_id").eq(users.c("id")))))
                                .orderBy(users.c("id"))))
                .containsExactly("patrick", "squidward");
        Subquery counts = select(addresses.c("user_id"), func.count().label("n"))
                .groupBy(addresses.c("user_id"))
                .subquery("counts");
        assertThat(table(
                        engine,
                        select(users.c("name"), counts.c("n"))
                                .join(counts, users.c("id").eq(counts.c("user_id")))
                                .orderBy(users.c("id"))))
                .containsExactly(List.of("spongebob", "1"), List.of("sandy", "2"));
        assertThat(column(
                        engine,
                        select(users.c("name"))
                                .where(users.c("score")
                                        .gt(select(func.avg(users.c("score"))).scalarSubquery()))))
                .containsExactly("sandy");
        Cte sandy = select(addresses.c("user_id"), addresses.c("email"))
                .where(addresses.c("email").like("sandy%"))
                .cte("sandy");
        assertThat(column(
                        engine,
                        select(sandy.c("email"))
                                .join(users, users.c("id").eq(sandy.c("user_id")))
                                .orderBy(sandy.c("email"))))
                .containsExactly("sandy@sqlalchemy.org", "sandy@squirrelpower.org");
        Cte nums = select(literal(1, INTEGER).label("n")).cteRecursive("nums");
        nums = nums.unionAll(select(nums.c("n").add(1)).where(nums.c("n").lt(5)));
        assertThat(column(engine, select(nums.c("n")).from(nums).orderBy(nums.c("n"))))
                .containsExactly("1", "2", "3", "4", "5");
    }

    @BackendTest
    void compoundSelects(Backend db, Engine engine) {
        f.create(db);
        Select a = select(users.c("name")).where(users.c("id").le(2));
        Select b = select(users.c("name")).where(users.c("id").ge(2));
        assertThat(column(engine, a.union(b).orderBy(users.c("name"))))
                .containsExactly("patrick", "sandy", "spongebob", "squidward");
        assertThat(column(engine, a.unionAll(b).orderBy(users.c("name")))).hasSize(5);
        assertThat(column(engine, a.intersect(b))).containsExactly("sandy");
        assertThat(column(engine, a.except(b))).containsExactly("spongebob");
        assertThat(column(engine, a.union(b).orderBy(users.c("name").desc()).limit(2)))
                .containsExactly("squidward", "spongebob");
    }

    @BackendTest
    void insertUpdateDelete(Backend db, Engine engine, StatementRecorder recorder) {
        f.create(db);
        Long n = engine.transaction(c -> c.executeUpdate(
                        insert(users).values(Map.of("id", 10, "name", "gary", "score", new BigDecimal("1.50")))))
                .single()
                .block(T);
        assertThat(n).isEqualTo(1L);
        engine.transaction(c -> c.executeUpdate(insert(users)
                        .values(List.of(Map.of("id", 11, "name", "larry"), Map.of("id", 12, "name", "karen")))))
                .blockLast(T);
        engine.transaction(c -> c.executeUpdate(insert(addresses)
                        .fromSelect(
                                List.of(addresses.c("id"), addresses.c("user_id"), addresses.c("email")),
                                select(
                                                users.c("id").add(100),
                                                users.c("id"),
                                                users.c("name").concat("@bikini.bottom"))
                                        .where(users.c("id").ge(10)))))
                .blockLast(T);
        assertThat(column(
                        engine,
                        select(addresses.c("email"))
                                .where(addresses.c("id").gt(100))
                                .orderBy(addresses.c("id"))))
                .containsExactly("gary@bikini.bottom", "larry@bikini.bottom", "karen@bikini.bottom");
        Long updated = engine.transaction(c -> c.executeUpdate(update(users)
                        .set(users.c("score"), coalesce(users.c("score"), 0).add(1))
                        .where(users.c("id").ge(10))))
                .single()
                .block(T);
        assertThat(updated).isEqualTo(3L);
        assertThat(column(engine, select(users.c("score")).where(users.c("id").eq(11))))
                .containsExactly("1");
        assertThat(column(engine, select(users.c("score")).where(users.c("id").eq(10))))
                .containsExactly("2.5");
        Long deleted = engine.transaction(c -> c.executeUpdate(
                                delete(addresses).where(addresses.c("id").gt(100)))
                        .then(c.executeUpdate(delete(users).where(users.c("id").in(10, 11, 12)))))
                .single()
                .block(T);
        assertThat(deleted).isEqualTo(3L);
        assertThat(column(engine, select(func.count()).from(users))).containsExactly("4");
        engine.transaction(c -> c.executeUpdate(update(users)
                        .values(Map.of("fullname", "x"))
                        .where(notExists(select(addresses.c("id"))
                                .where(addresses.c("user_id").eq(users.c("id")))))))
                .blockLast(T);
        assertThat(column(
                        engine,
                        select(users.c("id")).where(users.c("fullname").eq("x")).orderBy(users.c("id"))))
                .containsExactly("3", "4");
    }

    @BackendTest
    void executemanyInsertIsMultiRowValues(Backend db, Engine engine, StatementRecorder recorder) {
        f.create(db);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rows.add(Map.of("id", 100 + i, "name", "u" + i, "fullname", "User " + i));
        }
        Long n = engine.transaction(c -> c.executeUpdate(insert(users), rows))
                .single()
                .block(T);
        assertThat(n).isEqualTo(500L);
        assertThat(recorder.count("INSERT")).isEqualTo(1);
        assertThat(recorder.sql().get(0))
                .startsWith("INSERT INTO users (id, name, fullname) VALUES (")
                .contains("), (");
        assertThat(column(engine, select(func.count()).from(users))).containsExactly("504");
        assertThatThrownBy(() -> engine.transaction(
                                c -> c.executeUpdate(insert(users), List.of(Map.of("id", 1, "nmae", "x"))))
                        .blockLast(T))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Column 'nmae' not found in table 'users'");
        // executemany UPDATE with bindparam
        Long u = engine.transaction(c -> c.executeUpdate(
                        update(users)
                                .set(users.c("fullname"), bindparam("fn"))
                                .where(users.c("id").eq(bindparam("uid"))),
                        List.of(Map.of("fn", "A", "uid", 1), Map.of("fn", "B", "uid", 2))))
                .single()
                .block(T);
        assertThat(u).isEqualTo(2L);
        assertThat(column(
                        engine,
                        select(users.c("fullname")).where(users.c("id").le(2)).orderBy(users.c("id"))))
                .containsExactly("A", "B");
    }

    @BackendTest
    void longInListsWork(Backend db, Engine engine) {
        f.create(db);
        int size = db.name().equals("mariadb") ? 20_000 : 40_000;
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ids.add(i);
        }
        assertThat(column(
                        engine,
                        select(func.count()).from(users).where(users.c("id").in(ids))))
                .containsExactly("4");
        assertThat(column(
                        engine,
                        select(func.count()).from(users).where(users.c("id").notIn(ids))))
                .containsExactly("0");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            names.add("n" + i);
        }
        names.add("sandy");
        assertThat(column(engine, select(users.c("id")).where(users.c("name").in(names))))
                .containsExactly("2");
    }

    @BackendTest
    @RequiresFeature(Feature.INSERT_RETURNING)
    void insertAndDeleteReturning(Backend db, Engine engine) {
        f.create(db);
        List<Row> ins = engine.transaction(c -> c.execute(insert(users)
                        .values(Map.of("id", 20, "name", "pearl"))
                        .returning(users.c("id"), users.c("name"))))
                .collectList()
                .block(T);
        assertThat(ins).hasSize(1);
        assertThat((Object) ins.get(0).get(users.c("id"))).isEqualTo(20);
        assertThat(ins.get(0).get("name", String.class)).isEqualTo("pearl");
        List<Row> many = engine.transaction(c -> c.execute(insert(users)
                        .values(List.of(Map.of("id", 21, "name", "a"), Map.of("id", 22, "name", "b")))
                        .returning(users.c("id"))))
                .collectList()
                .block(T);
        assertThat(many).extracting(r -> r.get(0, Integer.class)).containsExactlyInAnyOrder(21, 22);
        List<Row> del = engine.transaction(
                        c -> c.execute(delete(users).where(users.c("id").ge(20)).returning(users.c("name"))))
                .collectList()
                .block(T);
        assertThat(del).extracting(r -> r.get("name", String.class)).containsExactlyInAnyOrder("pearl", "a", "b");
    }

    @BackendTest
    @RequiresFeature(Feature.UPDATE_RETURNING)
    void updateReturning(Backend db, Engine engine) {
        f.create(db);
        List<Row> up = engine.transaction(c -> c.execute(update(users)
                        .set(users.c("name"), "SANDY")
                        .where(users.c("id").eq(2))
                        .returning(users.c("id"), users.c("name"))))
                .collectList()
                .block(T);
        assertThat(up).hasSize(1);
        assertThat(up.get(0).get("name", String.class)).isEqualTo("SANDY");
    }

    @BackendTest
    void updateReturningIsAClearErrorWhereUnsupported(Backend db, Engine engine) {
        Update u = update(users).set(users.c("name"), "x").returning(users.c("id"));
        if (db.dialect().supports(Feature.UPDATE_RETURNING)) {
            assertThat(engine.compile(u).sql()).isNotEmpty();
        } else {
            assertThatThrownBy(() -> engine.connect(c -> c.execute(u)).blockLast(T))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("does not support UPDATE ... RETURNING");
        }
    }

    @BackendTest
    void upserts(Backend db, Engine engine) {
        f.create(db);
        Insert up = insert(users)
                .values(Map.of("id", 2, "name", "sandy2", "fullname", "New"))
                .onConflictDoUpdate(
                        List.of(users.c("id")), Map.of("name", excluded(users.c("name")), "fullname", "Updated"));
        engine.transaction(c -> c.executeUpdate(up)).blockLast(T);
        assertThat(table(
                        engine,
                        select(users.c("name"), users.c("fullname"))
                                .where(users.c("id").eq(2))))
                .containsExactly(List.of("sandy2", "Updated"));
        Insert fresh = insert(users)
                .values(Map.of("id", 7, "name", "plankton", "fullname", "Sheldon"))
                .onConflictDoUpdate(List.of(users.c("id")), Map.of("name", excluded(users.c("name"))));
        engine.transaction(c -> c.executeUpdate(fresh)).blockLast(T);
        assertThat(column(
                        engine, select(users.c("fullname")).where(users.c("id").eq(7))))
                .containsExactly("Sheldon");
        Insert nothing =
                insert(users).values(Map.of("id", 1, "name", "ignored")).onConflictDoNothing();
        engine.transaction(c -> c.executeUpdate(nothing)).blockLast(T);
        assertThat(column(engine, select(users.c("name")).where(users.c("id").eq(1))))
                .containsExactly("spongebob");
        // executemany upsert: multi-row VALUES through the named-parameter INSERT
        Insert many =
                insert(users).onConflictDoUpdate(List.of(users.c("id")), Map.of("name", excluded(users.c("name"))));
        engine.transaction(c -> c.executeUpdate(
                        many, List.of(Map.of("id", 3, "name", "pat"), Map.of("id", 8, "name", "karen"))))
                .blockLast(T);
        assertThat(column(
                        engine,
                        select(users.c("name")).where(users.c("id").in(3, 8)).orderBy(users.c("id"))))
                .containsExactly("pat", "karen");
    }

    @BackendTest
    void forUpdateLocks(Backend db, Engine engine) {
        f.create(db);
        Select q = select(users.c("name")).where(users.c("id").eq(1));
        assertThat(engine.transaction(c -> c.execute(q.forUpdate()))
                        .collectList()
                        .block(T))
                .hasSize(1);
        assertThat(engine.transaction(c -> c.execute(q.forUpdateNowait()))
                        .collectList()
                        .block(T))
                .hasSize(1);
        if (db.dialect().supports(Feature.SKIP_LOCKED)) {
            assertThat(engine.transaction(c -> c.execute(q.forUpdateSkipLocked()))
                            .collectList()
                            .block(T))
                    .hasSize(1);
        }
    }
}
