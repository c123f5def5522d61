package io.retort.sql;

import static io.retort.sql.Sql.*;
import static io.retort.testing.CompiledStatementAssert.H2;
import static io.retort.testing.CompiledStatementAssert.MARIADB;
import static io.retort.testing.CompiledStatementAssert.POSTGRES;
import static io.retort.testing.CompiledStatementAssert.assertThat;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.string;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.core.InvalidRequestException;
import io.retort.schema.Column;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One compiled-SQL assertion per construct and dialect: the exact SQL and the bound values in placeholder
 * order. No database.
 */
class CompilerTest {
    private final Fixtures f = new Fixtures();
    private final Table users = f.users;
    private final Table addresses = f.addresses;
    private final Table employees = f.employees;

    /** PostgreSQL and H2 expect {@code sql}; MariaDB the same with {@code ?} placeholders. */
    private static void same(Executable stmt, String sql, Object... bindings) {
        assertThat(stmt).compiledFor(POSTGRES).hasSql(sql).hasBindings(bindings);
        assertThat(stmt).compiledFor(H2).hasSql(sql).hasBindings(bindings);
        assertThat(stmt)
                .compiledFor(MARIADB)
                .hasSql(sql.replaceAll("\\$\\d+", "?"))
                .hasBindings(bindings);
    }

    @Test
    void selectColumnsWhereAndOrNot() {
        same(
                select(users.c("id"), users.c("name")).where(users.c("id").eq(5)),
                "SELECT users.id, users.name FROM users WHERE users.id = $1",
                5);
        same(
                select(users.c("id")).where(users.c("id").gt(1), users.c("name").ne("sandy")),
                "SELECT users.id FROM users WHERE users.id > $1 AND users.name <> $2",
                1,
                "sandy");
        same(
                select(users.c("id"))
                        .where(and(
                                users.c("id").ge(1),
                                or(users.c("name").eq("a"), not(users.c("id").le(3))))),
                "SELECT users.id FROM users WHERE users.id >= $1 AND (users.name = $2 OR NOT users.id <= $3)",
                1,
                "a",
                3);
        same(
                select(users.c("id"))
                        .where(users.c("id")
                                .lt(2)
                                .or(users.c("id").gt(3))
                                .and(users.c("name").isNotNull())),
                "SELECT users.id FROM users WHERE (users.id < $1 OR users.id > $2) AND users.name IS NOT NULL",
                2,
                3);
        same(
                select(users).where(users.c("fullname").eq(null)),
                "SELECT users.id, users.name, users.fullname, users.score FROM users WHERE users.fullname IS NULL");
        same(select(users.c("id")).where(and()), "SELECT users.id FROM users WHERE 1 = 1");
    }

    @Test
    void twoTableObjectsOfOneDatabaseTableAreOneFromItem() {
        // e.g. two SessionFactories mapping the same class, each with its own MetaData
        io.retort.schema.MetaData other = new io.retort.schema.MetaData();
        io.retort.schema.Table users2 = other.table(
                "users",
                io.retort.schema.Column.column("id", io.retort.types.Types.INTEGER)
                        .primaryKey(),
                io.retort.schema.Column.column("name", io.retort.types.Types.string(30)));
        same(
                select(users.c("id"), users.c("name")).where(users2.c("id").eq(5)),
                "SELECT users.id, users.name FROM users WHERE users.id = $1",
                5);
    }

    @Test
    void apiExampleWithInferredJoin() {
        Select q = select(users.c("name"), addresses.c("email"))
                .join(addresses)
                .where(users.c("name")
                        .in("spongebob", "sandy")
                        .and(addresses.c("email").like("%@sqlalchemy.org")))
                .orderBy(users.c("name").asc(), addresses.c("id").desc())
                .limit(10);
        String head = "SELECT users.name, addresses.email FROM users JOIN addresses ON users.id = addresses.user_id"
                + " WHERE users.name IN ($1, $2) AND addresses.email LIKE $3 ORDER BY users.name ASC, addresses.id DESC";
        assertThat(q)
                .compiledFor(POSTGRES)
                .hasSql(head + " LIMIT $4")
                .hasBindings("spongebob", "sandy", "%@sqlalchemy.org", 10);
        assertThat(q)
                .compiledFor(MARIADB)
                .hasSql(head.replaceAll("\\$\\d", "?") + " LIMIT ?")
                .hasBindings("spongebob", "sandy", "%@sqlalchemy.org", 10);
        assertThat(q)
                .compiledFor(H2)
                .hasSql(head + " FETCH FIRST $4 ROWS ONLY")
                .hasBindings("spongebob", "sandy", "%@sqlalchemy.org", 10);
    }

    @Test
    void joins() {
        same(
                select(users.c("name")).join(addresses, users.c("id").eq(addresses.c("user_id"))),
                "SELECT users.name FROM users JOIN addresses ON users.id = addresses.user_id");
        same(
                select(users.c("name"), addresses.c("email")).outerJoin(addresses),
                "SELECT users.name, addresses.email FROM users LEFT OUTER JOIN addresses ON users.id = addresses.user_id");
        same(
                select(addresses.c("email")).from(addresses.join(users)),
                "SELECT addresses.email FROM addresses JOIN users ON users.id = addresses.user_id");
        Select full = select(users.c("name"), addresses.c("email"))
                .fullOuterJoin(addresses, users.c("id").eq(addresses.c("user_id")));
        assertThat(full)
                .compiledFor(POSTGRES)
                .hasSql(
                        "SELECT users.name, addresses.email FROM users FULL OUTER JOIN addresses ON users.id = addresses.user_id");
        assertThat(full).failsFor(MARIADB, "does not support FULL OUTER JOIN").failsFor(H2, "FULL OUTER JOIN");
    }

    @Test
    void joinInferenceErrors() {
        MetaData m = new MetaData();
        Table a = m.table("a", Column.column("id", INTEGER).primaryKey());
        Table b = m.table(
                "b",
                Column.column("id", INTEGER).primaryKey(),
                Column.column("a1", INTEGER).references("a.id"),
                Column.column("a2", INTEGER).references("a.id"));
        Table c = m.table("c", Column.column("id", INTEGER).primaryKey());
        assertThatThrownBy(() -> select(a.c("id")).join(c))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("no foreign key between them");
        assertThatThrownBy(() -> select(a.c("id")).join(b))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("there are 2 foreign keys")
                .hasMessageContaining("b.a1 -> a.id")
                .hasMessageContaining("b.a2 -> a.id");
    }

    @Test
    void aliasesAndSelfJoin() {
        Alias boss = employees.alias("boss");
        same(
                select(employees.c("name"), boss.c("name").label("boss_name")).join(boss),
                "SELECT employees.name, boss.name AS boss_name FROM employees JOIN employees AS boss ON boss.id = employees.manager_id");
        same(
                select(employees.c("name"))
                        .outerJoin(boss, employees.c("manager_id").eq(boss.c("id")))
                        .where(boss.c("name").eq("krabs")),
                "SELECT employees.name FROM employees LEFT OUTER JOIN employees AS boss ON employees.manager_id = boss.id WHERE boss.name = $1",
                "krabs");
    }

    @Test
    void groupByHavingDistinctOffset() {
        Select q = select(addresses.c("user_id"), func.count().label("n"))
                .groupBy(addresses.c("user_id"))
                .having(func.count().gt(1))
                .orderBy(addresses.c("user_id"));
        same(
                q,
                "SELECT addresses.user_id, count(*) AS n FROM addresses GROUP BY addresses.user_id HAVING count(*) > $1"
                        + " ORDER BY addresses.user_id",
                1);
        Select d = select(addresses.c("user_id"))
                .distinct()
                .orderBy(addresses.c("user_id").desc())
                .limit(2)
                .offset(1);
        assertThat(d)
                .compiledFor(POSTGRES)
                .hasSql(
                        "SELECT DISTINCT addresses.user_id FROM addresses ORDER BY addresses.user_id DESC LIMIT $1 OFFSET $2")
                .hasBindings(2, 1);
        assertThat(d)
                .compiledFor(MARIADB)
                .hasSql(
                        "SELECT DISTINCT addresses.user_id FROM addresses ORDER BY addresses.user_id DESC LIMIT ? OFFSET ?")
                .hasBindings(2, 1);
        assertThat(d)
                .compiledFor(H2)
                .hasSql(
                        "SELECT DISTINCT addresses.user_id FROM addresses ORDER BY addresses.user_id DESC OFFSET $1 ROWS FETCH FIRST $2 ROWS ONLY")
                .hasBindings(1, 2);
        Select o = select(users.c("id")).offset(2);
        assertThat(o).compiledFor(MARIADB).hasSql("SELECT users.id FROM users LIMIT 18446744073709551615 OFFSET ?");
        assertThat(o).compiledFor(POSTGRES).hasSql("SELECT users.id FROM users OFFSET $1");
        assertThat(o).compiledFor(H2).hasSql("SELECT users.id FROM users OFFSET $1 ROWS");
    }

    @Test
    void nullsFirstLast() {
        Select q = select(users.c("id"))
                .orderBy(
                        users.c("score").desc().nullsLast(),
                        users.c("name").asc().nullsFirst());
        assertThat(q)
                .compiledFor(POSTGRES)
                .hasSql("SELECT users.id FROM users ORDER BY users.score DESC NULLS LAST, users.name ASC NULLS FIRST");
        assertThat(q)
                .compiledFor(H2)
                .hasSql("SELECT users.id FROM users ORDER BY users.score DESC NULLS LAST, users.name ASC NULLS FIRST");
        assertThat(q)
                .compiledFor(MARIADB)
                .hasSql(
                        "SELECT users.id FROM users ORDER BY users.score IS NULL, users.score DESC, users.name IS NULL DESC, users.name ASC");
    }

    @Test
    void forUpdate() {
        Select q = select(users.c("id")).where(users.c("id").eq(1));
        same(q.forUpdate(), "SELECT users.id FROM users WHERE users.id = $1 FOR UPDATE", 1);
        same(q.forUpdateNowait(), "SELECT users.id FROM users WHERE users.id = $1 FOR UPDATE NOWAIT", 1);
        assertThat(q.forUpdateSkipLocked())
                .compiledFor(POSTGRES)
                .hasSql("SELECT users.id FROM users WHERE users.id = $1 FOR UPDATE SKIP LOCKED");
        assertThat(q.forUpdateSkipLocked())
                .compiledFor(MARIADB)
                .hasSql("SELECT users.id FROM users WHERE users.id = ? FOR UPDATE SKIP LOCKED");
        assertThat(q.forUpdateSkipLocked()).failsFor(H2, "does not support FOR UPDATE SKIP LOCKED");
        assertThat(q.forShare())
                .compiledFor(POSTGRES)
                .hasSql("SELECT users.id FROM users WHERE users.id = $1 FOR SHARE");
        assertThat(q.forShare())
                .compiledFor(MARIADB)
                .hasSql("SELECT users.id FROM users WHERE users.id = ? LOCK IN SHARE MODE");
        assertThat(q.forShare()).failsFor(H2, "FOR SHARE");
    }

    @Test
    void comparisonOperatorsBetweenIsNull() {
        same(
                select(users.c("id"))
                        .where(users.c("id").between(1, 3), users.c("score").notBetween(1, 2)),
                "SELECT users.id FROM users WHERE users.id BETWEEN $1 AND $2 AND users.score NOT BETWEEN $3 AND $4",
                1,
                3,
                1,
                2);
        same(
                select(users.c("id"))
                        .where(users.c("fullname").isNull(), users.c("id").ne(null)),
                "SELECT users.id FROM users WHERE users.fullname IS NULL AND users.id IS NOT NULL");
        same(
                select(users.c("id")).where(users.c("id").le(users.c("score"))),
                "SELECT users.id FROM users WHERE users.id <= users.score");
    }

    @Test
    void inLists() {
        same(
                select(users.c("id")).where(users.c("id").in(1, 2, 3)),
                "SELECT users.id FROM users WHERE users.id IN ($1, $2, $3)",
                1,
                2,
                3);
        same(
                select(users.c("id")).where(users.c("id").notIn(List.of(1, 2))),
                "SELECT users.id FROM users WHERE users.id NOT IN ($1, $2)",
                1,
                2);
        same(select(users.c("id")).where(users.c("id").in(List.of())), "SELECT users.id FROM users WHERE 1 <> 1");
        same(select(users.c("id")).where(users.c("id").notIn(List.of())), "SELECT users.id FROM users WHERE 1 = 1");
        same(
                select(users.c("id"))
                        .where(users.c("id")
                                .in(select(addresses.c("user_id"))
                                        .where(addresses.c("id").gt(1)))),
                "SELECT users.id FROM users WHERE users.id IN (SELECT addresses.user_id FROM addresses WHERE addresses.id > $1)",
                1);
        same(
                select(users.c("id"))
                        .where(tuple(users.c("id"), users.c("name")).in(tuple(1, "a"), tuple(2, "b"))),
                "SELECT users.id FROM users WHERE (users.id, users.name) IN (($1, $2), ($3, $4))",
                1,
                "a",
                2,
                "b");
        same(
                select(users.c("id"))
                        .where(tuple(users.c("id"), users.c("name")).eq(tuple(1, "a"))),
                "SELECT users.id FROM users WHERE (users.id, users.name) = ($1, $2)",
                1,
                "a");
    }

    @Test
    void longInListIsOneArrayParameterOnPostgres() {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            ids.add(i);
        }
        Select q = select(users.c("id")).where(users.c("id").in(ids));
        assertThat(q)
                .compiledFor(POSTGRES)
                .hasSql("SELECT users.id FROM users WHERE users.id = ANY($1)")
                .hasBindingCount(1);
        assertThat(q)
                .compiledFor(H2)
                .hasSql("SELECT users.id FROM users WHERE users.id = ANY($1)")
                .hasBindingCount(1);
        assertThat(q).compiledFor(MARIADB).hasBindingCount(40_000);
        assertThat(select(users.c("id")).where(users.c("id").notIn(ids)))
                .compiledFor(POSTGRES)
                .hasSql("SELECT users.id FROM users WHERE users.id <> ALL($1)");
    }

    @Test
    void likeFamilyWithEscaping() {
        same(
                select(users.c("id"))
                        .where(users.c("name").like("s%"), users.c("name").notLike("%x")),
                "SELECT users.id FROM users WHERE users.name LIKE $1 AND users.name NOT LIKE $2",
                "s%",
                "%x");
        same(
                select(users.c("id")).where(users.c("name").like("a!%", '!')),
                "SELECT users.id FROM users WHERE users.name LIKE $1 ESCAPE '!'",
                "a!%");
        same(
                select(users.c("id")).where(users.c("name").contains("50%_/off")),
                "SELECT users.id FROM users WHERE users.name LIKE $1 ESCAPE '/'",
                "%50/%/_//off%");
        same(
                select(users.c("id")).where(users.c("name").startsWith("sp")),
                "SELECT users.id FROM users WHERE users.name LIKE $1 ESCAPE '/'",
                "sp%");
        same(
                select(users.c("id")).where(users.c("name").endsWith("_x")),
                "SELECT users.id FROM users WHERE users.name LIKE $1 ESCAPE '/'",
                "%/_x");
        Select il = select(users.c("id"))
                .where(users.c("name").ilike("SAN%"), users.c("name").notIlike("x%"));
        assertThat(il)
                .compiledFor(POSTGRES)
                .hasSql("SELECT users.id FROM users WHERE users.name ILIKE $1 AND users.name NOT ILIKE $2");
        assertThat(il)
                .compiledFor(H2)
                .hasSql("SELECT users.id FROM users WHERE users.name ILIKE $1 AND users.name NOT ILIKE $2");
        assertThat(il)
                .compiledFor(MARIADB)
                .hasSql(
                        "SELECT users.id FROM users WHERE lower(users.name) LIKE lower(?) AND lower(users.name) NOT LIKE lower(?)")
                .hasBindings("SAN%", "x%");
    }

    @Test
    void arithmeticConcatenationAndPrecedence() {
        same(select(users.c("id").add(1).mul(2).label("x")), "SELECT (users.id + $1) * $2 AS x FROM users", 1, 2);
        same(
                select(
                        users.c("id").sub(users.c("id").sub(1)),
                        users.c("id").div(2),
                        users.c("id").mod(3),
                        users.c("id").neg()),
                "SELECT users.id - (users.id - $1), users.id / $2, users.id % $3, -users.id FROM users",
                1,
                2,
                3);
        Select c =
                select(users.c("name").concat(" ").concat(users.c("fullname")).label("combined"));
        assertThat(c).compiledFor(POSTGRES).hasSql("SELECT users.name || $1 || users.fullname AS combined FROM users");
        assertThat(c).compiledFor(H2).hasSql("SELECT users.name || $1 || users.fullname AS combined FROM users");
        assertThat(c)
                .compiledFor(MARIADB)
                .hasSql("SELECT CONCAT(CONCAT(users.name, ?), users.fullname) AS combined FROM users")
                .hasBindings(" ");
    }

    @Test
    void caseCastCoalesceLabelLiteralBindparam() {
        same(
                select(case_().when(users.c("id").lt(3), "low").else_("high").label("band")),
                "SELECT CASE WHEN users.id < $1 THEN $2 ELSE $3 END AS band FROM users",
                3,
                "low",
                "high");
        same(
                select(case_(users.c("id")).when(1, "one").when(2, "two")),
                "SELECT CASE users.id WHEN $1 THEN $2 WHEN $3 THEN $4 END FROM users",
                1,
                "one",
                2,
                "two");
        Select cast = select(cast(users.c("score"), INTEGER), users.c("id").cast(string(10)));
        assertThat(cast)
                .compiledFor(POSTGRES)
                .hasSql("SELECT CAST(users.score AS INTEGER), CAST(users.id AS VARCHAR(10)) FROM users");
        assertThat(cast)
                .compiledFor(H2)
                .hasSql("SELECT CAST(users.score AS INTEGER), CAST(users.id AS VARCHAR(10)) FROM users");
        assertThat(cast)
                .compiledFor(MARIADB)
                .hasSql("SELECT CAST(users.score AS SIGNED), CAST(users.id AS CHAR(10)) FROM users");
        same(
                select(coalesce(users.c("fullname"), users.c("name"), "?").label("display")),
                "SELECT coalesce(users.fullname, users.name, $1) AS display FROM users",
                "?");
        same(select(literal("hi").label("greeting")), "SELECT $1 AS greeting", "hi");
        same(
                select(users.c("name")).where(users.c("id").eq(bindparam("uid"))),
                "SELECT users.name FROM users WHERE users.id = $1",
                ":uid");
        same(
                select(users.c("name"))
                        .where(text("users.id > :min"))
                        .where(users.c("id").lt(9)),
                "SELECT users.name FROM users WHERE (users.id > $1) AND users.id < $2",
                ":min",
                9);
        same(
                select(users.c("id")).where(true_(), not(false_())),
                "SELECT users.id FROM users WHERE TRUE AND NOT FALSE");
    }

    @Test
    void functionsAndWindows() {
        same(select(func.count()).from(users), "SELECT count(*) FROM users");
        same(
                select(
                        func.count(users.c("fullname")),
                        func.sum(users.c("score")),
                        func.avg(users.c("score")),
                        func.min(users.c("id")),
                        func.max(users.c("id"))),
                "SELECT count(users.fullname), sum(users.score), avg(users.score), min(users.id), max(users.id) FROM users");
        same(
                select(
                        func.lower(users.c("name")),
                        func.upper(users.c("name")),
                        func.length(users.c("name")),
                        func.now()),
                "SELECT lower(users.name), upper(users.name), char_length(users.name), CURRENT_TIMESTAMP FROM users");
        same(select(func.call("abs", users.c("id").neg())), "SELECT abs(-users.id) FROM users");
        same(
                select(
                                users.c("name"),
                                func.rowNumber()
                                        .over(Window.partitionBy(addresses.c("user_id"))
                                                .orderBy(addresses.c("email").desc()))
                                        .label("rn"))
                        .join(addresses),
                "SELECT users.name, row_number() OVER (PARTITION BY addresses.user_id ORDER BY addresses.email DESC) AS rn"
                        + " FROM users JOIN addresses ON users.id = addresses.user_id");
        same(select(func.sum(users.c("score")).over()), "SELECT sum(users.score) OVER () FROM users");
        same(
                select(func.rank()
                        .over(
                                List.of(users.c("fullname")),
                                List.of(users.c("score").desc()))),
                "SELECT rank() OVER (PARTITION BY users.fullname ORDER BY users.score DESC) FROM users");
        same(
                select(func.denseRank().over(List.of(), List.of(users.c("score")))),
                "SELECT dense_rank() OVER (ORDER BY users.score) FROM users");
        assertThatThrownBy(() -> func.call("x); DROP TABLE users; --")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void subqueriesExistsCorrelation() {
        Select count = select(func.count()).where(addresses.c("user_id").eq(users.c("id")));
        same(
                select(users.c("name"), count.scalarSubquery().label("n")),
                "SELECT users.name, (SELECT count(*) FROM addresses WHERE addresses.user_id = users.id) AS n FROM users");
        same(
                select(users.c("name"))
                        .where(exists(select(addresses.c("id"))
                                .where(addresses.c("user_id").eq(users.c("id"))))),
                "SELECT users.name FROM users WHERE EXISTS (SELECT addresses.id FROM addresses WHERE addresses.user_id = users.id)");
        same(
                select(users.c("name"))
                        .where(notExists(select(addresses.c("id"))
                                .where(addresses.c("user_id").eq(users.c("id"))))),
                "SELECT users.name FROM users WHERE NOT EXISTS (SELECT addresses.id FROM addresses WHERE addresses.user_id = users.id)");
        Subquery counts = select(addresses.c("user_id"), func.count().label("n"))
                .groupBy(addresses.c("user_id"))
                .subquery("counts");
        same(
                select(users.c("name"), counts.c("n"))
                        .join(counts, users.c("id").eq(counts.c("user_id")))
                        .where(counts.c("n").gt(1)),
                "SELECT users.name, counts.n FROM users JOIN (SELECT addresses.user_id, count(*) AS n FROM addresses"
                        + " GROUP BY addresses.user_id) AS counts ON users.id = counts.user_id WHERE counts.n > $1",
                1);
        same(
                select(users.c("id"))
                        .where(users.c("score")
                                .gt(select(func.avg(users.c("score"))).scalarSubquery())),
                "SELECT users.id FROM users WHERE users.score > (SELECT avg(users.score) FROM users)");
    }

    @Test
    void ctes() {
        Cte sandy = select(addresses.c("user_id"), addresses.c("email"))
                .where(addresses.c("email").like("sandy%"))
                .cte("sandy");
        same(
                select(users.c("name"), sandy.c("email"))
                        .join(sandy, users.c("id").eq(sandy.c("user_id"))),
                "WITH sandy(user_id, email) AS (SELECT addresses.user_id, addresses.email FROM addresses WHERE addresses.email LIKE $1)"
                        + " SELECT users.name, sandy.email FROM users JOIN sandy ON users.id = sandy.user_id",
                "sandy%");
        Cte nums = select(literal(1, INTEGER).label("n")).cteRecursive("nums");
        nums = nums.unionAll(select(nums.c("n").add(1)).where(nums.c("n").lt(5)));
        same(
                select(nums.c("n")).from(nums),
                "WITH RECURSIVE nums(n) AS (SELECT $1 AS n UNION ALL SELECT nums.n + $2 FROM nums WHERE nums.n < $3)"
                        + " SELECT nums.n FROM nums",
                1,
                1,
                5);
    }

    @Test
    void compoundSelects() {
        Select a = select(users.c("name")).where(users.c("id").lt(2));
        Select b = select(users.c("name")).where(users.c("id").gt(3));
        same(
                a.union(b),
                "SELECT users.name FROM users WHERE users.id < $1 UNION SELECT users.name FROM users WHERE users.id > $2",
                2,
                3);
        same(
                unionAll(a, b).orderBy(users.c("name").desc()),
                "SELECT users.name FROM users WHERE users.id < $1 UNION ALL SELECT users.name FROM users WHERE users.id > $2 ORDER BY name DESC",
                2,
                3);
        same(
                a.intersect(b),
                "SELECT users.name FROM users WHERE users.id < $1 INTERSECT SELECT users.name FROM users WHERE users.id > $2",
                2,
                3);
        same(
                except(a, b),
                "SELECT users.name FROM users WHERE users.id < $1 EXCEPT SELECT users.name FROM users WHERE users.id > $2",
                2,
                3);
        CompoundSelect limited = a.orderBy(users.c("name")).limit(1).union(b).limit(5);
        assertThat(limited)
                .compiledFor(POSTGRES)
                .hasSql("(SELECT users.name FROM users WHERE users.id < $1 ORDER BY users.name"
                        + " LIMIT $2) UNION SELECT users.name FROM users WHERE users.id > $3 LIMIT $4")
                .hasBindings(2, 1, 3, 5);
        assertThat(limited)
                .compiledFor(MARIADB)
                .hasSql("(SELECT users.name FROM users WHERE users.id < ? ORDER BY users.name"
                        + " LIMIT ?) UNION SELECT users.name FROM users WHERE users.id > ? LIMIT ?")
                .hasBindings(2, 1, 3, 5);
        assertThat(limited)
                .compiledFor(H2)
                .hasSql(
                        "(SELECT users.name FROM users WHERE users.id < $1 ORDER BY users.name"
                                + " FETCH FIRST $2 ROWS ONLY) UNION SELECT users.name FROM users WHERE users.id > $3 FETCH FIRST $4 ROWS ONLY")
                .hasBindings(2, 1, 3, 5);
    }

    @Test
    void insertOneManyFromSelectDefault() {
        same(
                insert(users).values(Map.of("name", "sandy", "id", 2)),
                "INSERT INTO users (id, name) VALUES ($1, $2)",
                2,
                "sandy");
        same(
                insert(users).values(List.of(Map.of("id", 1, "name", "a"), Map.of("id", 2, "name", "b"))),
                "INSERT INTO users (id, name) VALUES ($1, $2), ($3, $4)",
                1,
                "a",
                2,
                "b");
        Insert fromSelect = insert(addresses)
                .fromSelect(
                        List.of(addresses.c("id"), addresses.c("user_id"), addresses.c("email")),
                        select(
                                        users.c("id").add(10),
                                        users.c("id"),
                                        users.c("name").concat("@x"))
                                .where(users.c("id").lt(3)));
        assertThat(fromSelect)
                .compiledFor(POSTGRES)
                .hasSql("INSERT INTO addresses (id, user_id, email)"
                        + " SELECT users.id + $1, users.id, users.name || $2 FROM users WHERE users.id < $3")
                .hasBindings(10, "@x", 3);
        assertThat(fromSelect)
                .compiledFor(H2)
                .hasSql("INSERT INTO addresses (id, user_id, email)"
                        + " SELECT users.id + $1, users.id, users.name || $2 FROM users WHERE users.id < $3")
                .hasBindings(10, "@x", 3);
        assertThat(fromSelect)
                .compiledFor(MARIADB)
                .hasSql("INSERT INTO addresses (id, user_id, email)"
                        + " SELECT users.id + ?, users.id, CONCAT(users.name, ?) FROM users WHERE users.id < ?")
                .hasBindings(10, "@x", 3);
        Insert d = insert(users);
        assertThat(d).compiledFor(POSTGRES).hasSql("INSERT INTO users DEFAULT VALUES");
        assertThat(d).compiledFor(MARIADB).hasSql("INSERT INTO users () VALUES ()");
        same(
                insert(users).forParameters(java.util.Set.of("name", "id")),
                "INSERT INTO users (id, name) VALUES ($1, $2)",
                ":id",
                ":name");
    }

    @Test
    void insertNamedColumnsGiveAValuesGroup() {
        var c = assertThat(insert(users).forParameters(java.util.Set.of("id", "name")))
                .compiledFor(POSTGRES)
                .compiled();
        org.assertj.core.api.Assertions.assertThat(c.hasValuesGroup()).isTrue();
        org.assertj.core.api.Assertions.assertThat(c.multiValuesSql(2))
                .isEqualTo("INSERT INTO users (id, name) VALUES ($1, $2), ($3, $4)");
    }

    @Test
    void updateAndDelete() {
        same(
                update(users)
                        .set(users.c("score"), users.c("score").add(1))
                        .set(users.c("fullname"), null)
                        .where(users.c("id").eq(5)),
                "UPDATE users SET score = users.score + $1, fullname = $2 WHERE users.id = $3",
                1,
                null,
                5);
        same(
                update(users).values(Map.of("name", "x")).where(users.c("id").in(select(addresses.c("user_id")))),
                "UPDATE users SET name = $1 WHERE users.id IN (SELECT addresses.user_id FROM addresses)",
                "x");
        same(delete(users).where(users.c("id").eq(5)), "DELETE FROM users WHERE users.id = $1", 5);
        same(
                delete(users)
                        .where(notExists(select(addresses.c("id"))
                                .where(addresses.c("user_id").eq(users.c("id"))))),
                "DELETE FROM users WHERE NOT EXISTS (SELECT addresses.id FROM addresses WHERE addresses.user_id = users.id)");
        same(delete(users), "DELETE FROM users");
    }

    @Test
    void returning() {
        Insert i = insert(users).values(Map.of("id", 1, "name", "a")).returning(users.c("id"), users.c("name"));
        assertThat(i).compiledFor(POSTGRES).hasSql("INSERT INTO users (id, name) VALUES ($1, $2) RETURNING id, name");
        assertThat(i).compiledFor(MARIADB).hasSql("INSERT INTO users (id, name) VALUES (?, ?) RETURNING id, name");
        assertThat(i)
                .compiledFor(H2)
                .hasSql("SELECT id, name FROM FINAL TABLE (INSERT INTO users (id, name) VALUES ($1, $2))")
                .hasBindings(1, "a");
        Update u = update(users)
                .set(users.c("name"), "b")
                .where(users.c("id").eq(1))
                .returning(users.c("id"), users.c("name"));
        assertThat(u).compiledFor(POSTGRES).hasSql("UPDATE users SET name = $1 WHERE users.id = $2 RETURNING id, name");
        assertThat(u)
                .compiledFor(H2)
                .hasSql("SELECT id, name FROM FINAL TABLE (UPDATE users SET name = $1 WHERE users.id = $2)");
        assertThat(u).failsFor(MARIADB, "does not support UPDATE ... RETURNING");
        Delete d = delete(users).where(users.c("id").eq(1)).returning(users.c("name"));
        assertThat(d).compiledFor(POSTGRES).hasSql("DELETE FROM users WHERE users.id = $1 RETURNING name");
        assertThat(d).compiledFor(MARIADB).hasSql("DELETE FROM users WHERE users.id = ? RETURNING name");
        assertThat(d).compiledFor(H2).hasSql("SELECT name FROM OLD TABLE (DELETE FROM users WHERE users.id = $1)");
    }

    @Test
    void upserts() {
        Insert up = insert(users)
                .values(Map.of("id", 1, "name", "a"))
                .onConflictDoUpdate(List.of(users.c("id")), Map.of("name", excluded(users.c("name"))));
        assertThat(up)
                .compiledFor(POSTGRES)
                .hasSql(
                        "INSERT INTO users (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name")
                .hasBindings(1, "a");
        assertThat(up)
                .compiledFor(MARIADB)
                .hasSql("INSERT INTO users (id, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name)")
                .hasBindings(1, "a");
        assertThat(up)
                .compiledFor(H2)
                .hasSql("MERGE INTO users USING (VALUES ($1, $2)) AS excluded (id, name) ON users.id = excluded.id"
                        + " WHEN MATCHED THEN UPDATE SET name = excluded.name"
                        + " WHEN NOT MATCHED THEN INSERT (id, name) VALUES (excluded.id, excluded.name)")
                .hasBindings(1, "a");
        Insert nothing = insert(users).values(Map.of("id", 1, "name", "a")).onConflictDoNothing();
        assertThat(nothing)
                .compiledFor(POSTGRES)
                .hasSql("INSERT INTO users (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING");
        assertThat(nothing)
                .compiledFor(MARIADB)
                .hasSql("INSERT INTO users (id, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE id = id");
        assertThat(nothing)
                .compiledFor(H2)
                .hasSql("MERGE INTO users USING (VALUES ($1, $2)) AS excluded (id, name) ON users.id = excluded.id"
                        + " WHEN NOT MATCHED THEN INSERT (id, name) VALUES (excluded.id, excluded.name)");
    }

    @Test
    void identifiersAreQuotedAndEscaped() {
        MetaData m = new MetaData();
        Table t = m.table(
                "order",
                Column.column("select", INTEGER).primaryKey(),
                Column.column("Mixed Case", string(10)),
                Column.column("we\"ird`name", string(10)));
        Select q = select(t.c("Mixed Case"), t.c("we\"ird`name"))
                .where(t.c("select").eq(1));
        assertThat(q)
                .compiledFor(POSTGRES)
                .hasSql(
                        "SELECT \"order\".\"Mixed Case\", \"order\".\"we\"\"ird`name\" FROM \"order\" WHERE \"order\".\"select\" = $1");
        assertThat(q)
                .compiledFor(H2)
                .hasSql(
                        "SELECT \"order\".\"Mixed Case\", \"order\".\"we\"\"ird`name\" FROM \"order\" WHERE \"order\".\"select\" = $1");
        assertThat(q)
                .compiledFor(MARIADB)
                .hasSql("SELECT `order`.`Mixed Case`, `order`.`we\"ird``name` FROM `order` WHERE `order`.`select` = ?");
    }

    @Test
    void semicolonsInIdentifiersNeverReachTheH2DriverRaw() {
        MetaData m = new MetaData();
        Table t =
                m.table("t", Column.column("x\";DROP TABLE victims;--", INTEGER).primaryKey());
        Select q = select(t.c("x\";DROP TABLE victims;--"));
        assertThat(q).compiledFor(H2).hasSql("SELECT t.U&\"x\"\"\\003BDROP TABLE victims\\003B--\" FROM t");
        assertThat(q).compiledFor(POSTGRES).hasSql("SELECT t.\"x\"\";DROP TABLE victims;--\" FROM t");
        assertThat(q).compiledFor(MARIADB).hasSql("SELECT t.`x\";DROP TABLE victims;--` FROM t");
    }

    /** A dialect with no overrides: what the generic compiler writes. */
    private static final io.retort.dialect.Dialect ANSI =
            new io.retort.dialect.Dialect(
                    "ansi", io.retort.dialect.PlaceholderStyle.QUESTION_MARK, '"', java.util.Set.of()) {
                @Override
                public int maxBindParameters() {
                    return 1000;
                }

                @Override
                protected java.util.Set<String> reservedWords() {
                    return io.retort.dialect.ReservedWords.SQL_STANDARD;
                }
            };

    @Test
    void genericCompilerWritesAnsiAndRefusesWhatTheDialectLacks() {
        assertThat(select(users.c("name"))
                        .where(users.c("name").ilike("s%"))
                        .orderBy(users.c("id").desc().nullsLast())
                        .limit(5)
                        .offset(1))
                .compiledFor(ANSI)
                .hasSql(
                        "SELECT users.name FROM users WHERE lower(users.name) LIKE lower(?) ORDER BY users.id DESC NULLS LAST"
                                + " OFFSET ? ROWS FETCH FIRST ? ROWS ONLY")
                .hasBindings("s%", 1, 5);
        assertThat(insert(users).values(Map.of("id", 1)).returning(users.c("id")))
                .failsFor(ANSI, "Dialect 'ansi' does not support INSERT ... RETURNING");
        assertThat(insert(users).values(Map.of("id", 1)).onConflictDoNothing())
                .failsFor(ANSI, "does not support an upsert");
        assertThat(select(users.c("id")).forUpdateSkipLocked()).failsFor(ANSI, "FOR UPDATE SKIP LOCKED");
    }

    @Test
    void statementsAreImmutableValues() {
        Select base = select(users.c("id"));
        Select filtered = base.where(users.c("id").eq(1));
        same(base, "SELECT users.id FROM users");
        same(filtered, "SELECT users.id FROM users WHERE users.id = $1", 1);
    }

    @Test
    void cacheKeyIsTheShapeNotTheValues() {
        Select a = select(users.c("name"))
                .where(users.c("id").eq(1), users.c("name").like("x%"));
        Select b = select(users.c("name"))
                .where(users.c("id").eq(2), users.c("name").like("y%"));
        Select c = select(users.c("name")).where(users.c("id").eq(2));
        org.assertj.core.api.Assertions.assertThat(a.cacheKey())
                .isEqualTo(b.cacheKey())
                .isNotEqualTo(c.cacheKey());
        org.assertj.core.api.Assertions.assertThat(a.cacheKey().toString()).doesNotContain("x%");
        org.assertj.core.api.Assertions.assertThat(a.boundValues()).containsExactly(1, "x%");
        org.assertj.core.api.Assertions.assertThat(
                        select(users.c("id")).where(users.c("id").in(1, 2)).cacheKey())
                .isNotEqualTo(
                        select(users.c("id")).where(users.c("id").in(1, 2, 3)).cacheKey());
        Subquery s1 = select(users.c("id")).where(users.c("id").gt(1)).subquery("s");
        Subquery s2 = select(users.c("id")).where(users.c("id").lt(1)).subquery("s");
        org.assertj.core.api.Assertions.assertThat(select(s1.c("id")).cacheKey())
                .isNotEqualTo(select(s2.c("id")).cacheKey());
        same(select(s2.c("id")), "SELECT s.id FROM (SELECT users.id FROM users WHERE users.id < $1) AS s", 1);
        ColumnElement<Boolean> shared = users.c("id").eq(7);
        Select twice = select(users.c("id")).where(shared.or(shared));
        org.assertj.core.api.Assertions.assertThat(twice.cacheKey())
                .isNotEqualTo(select(users.c("id"))
                        .where(users.c("id").eq(7).or(users.c("id").eq(7)))
                        .cacheKey());
        same(twice, "SELECT users.id FROM users WHERE users.id = $1 OR users.id = $2", 7, 7);
    }
}
