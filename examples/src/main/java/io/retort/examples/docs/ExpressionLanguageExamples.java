package io.retort.examples.docs;

import static io.retort.schema.Column.column;
import static io.retort.sql.Sql.excluded;
import static io.retort.sql.Sql.func;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.update;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.TEXT;
import static io.retort.types.Types.string;

import io.retort.core.Engine;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.sql.Cte;
import io.retort.sql.Insert;
import io.retort.sql.Select;
import io.retort.sql.Subquery;
import io.retort.sql.Update;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The snippets of docs/core/expression-language.md: tables, a select with a join, DML with RETURNING, an upsert,
 * subqueries and CTEs, and the compiled-statement cache.
 *
 * <pre>{@code
 * ExpressionLanguageExamples.joinQuery(engine).subscribe(System.out::println);
 * }</pre>
 */
public final class ExpressionLanguageExamples {
    // tag::tables[]
    static final MetaData metadata = new MetaData();
    static final Table users = metadata.table(
            "users",
            column("id", INTEGER).primaryKey(),
            column("name", string(30)).notNull(),
            column("fullname", TEXT));
    static final Table addresses = metadata.table(
            "addresses",
            column("id", INTEGER).primaryKey(),
            column("user_id", INTEGER).notNull().references("users.id"),
            column("email", string(100)).notNull());
    // end::tables[]

    private ExpressionLanguageExamples() {}

    /**
     * A select with a join whose ON clause comes from the foreign key.
     *
     * @param engine the engine
     * @return "name email" lines
     */
    public static Flux<String> joinQuery(Engine engine) {
        // tag::join[]
        Select q = select(users.c("name"), addresses.c("email"))
                .join(addresses) // ON inferred from the foreign key
                .where(users.c("name")
                        .in("spongebob", "sandy")
                        .and(addresses.c("email").like("%@sqlalchemy.org")))
                .orderBy(users.c("name").asc(), addresses.c("id").desc())
                .limit(10);
        Flux<String> lines = engine.connect(conn -> conn.execute(q))
                .map(row -> row.get(users.c("name")) + " " + row.get(addresses.c("email")));
        // end::join[]
        return lines;
    }

    /**
     * DML statements.
     *
     * @param engine the engine
     * @return ids returned by the insert
     */
    public static Flux<Integer> dml(Engine engine) {
        // tag::dml[]
        Insert add = insert(users)
                .values(Map.of("id", 4, "name", "squidward", "fullname", "Squidward Tentacles"))
                .returning(users.c("id")); // PostgreSQL, MariaDB: RETURNING; H2: SELECT ... FROM FINAL TABLE (...)
        Update rename = update(users)
                .set(users.c("fullname"), users.c("name").concat(" the great"))
                .where(users.c("id").eq(4));
        Insert upsert = insert(users)
                .values(Map.of("id", 4, "name", "squidward", "fullname", "S. Tentacles"))
                .onConflictDoUpdate(List.of(users.c("id")), Map.of("fullname", excluded(users.c("fullname"))));
        Flux<Integer> ids = engine.transaction(conn -> conn.execute(add)
                .map(row -> row.get(users.c("id", Integer.class)))
                .concatWith(conn.executeUpdate(rename)
                        .then(conn.executeUpdate(upsert))
                        .then(Mono.empty())));
        // end::dml[]
        return ids;
    }

    /**
     * A FROM subquery and a CTE.
     *
     * @param engine the engine
     * @return names with their address counts
     */
    public static Flux<String> subqueries(Engine engine) {
        // tag::subquery[]
        Subquery counts = select(addresses.c("user_id"), func.count().label("n"))
                .groupBy(addresses.c("user_id"))
                .subquery("counts");
        Cte active = select(users.c("id"), users.c("name"))
                .where(users.c("name").ne("patrick"))
                .cte("active");
        Select q = select(active.c("name"), counts.c("n"))
                .from(active)
                .join(counts, counts.c("user_id").eq(active.c("id")))
                .orderBy(active.c("name"));
        // WITH active(id, name) AS (SELECT ...) SELECT active.name, counts.n FROM active JOIN (SELECT ...) AS counts ON
        // ...
        // end::subquery[]
        return engine.connect(conn -> conn.execute(q))
                .map(row -> row.get("name", String.class) + " " + row.get("n", Long.class));
    }

    /**
     * The compile cache at work.
     *
     * @param engine the engine
     * @return the number of compilations the loop caused (1)
     */
    public static long cache(Engine engine) {
        long before = engine.compileCount();
        // tag::cache[]
        engine.connect(conn -> Flux.range(0, 10_000)
                        .concatMap(i -> conn.execute(
                                select(users.c("name")).where(users.c("id").eq(i)))))
                .blockLast();
        engine.compileCount(); // 1 more than before: one shape, 10,000 statements
        // end::cache[]
        return engine.compileCount() - before;
    }
}
