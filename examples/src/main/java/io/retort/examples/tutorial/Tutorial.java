package io.retort.examples.tutorial;

import static io.retort.orm.Loading.selectinload;
import static io.retort.schema.Column.column;
import static io.retort.sql.Sql.delete;
import static io.retort.sql.Sql.func;
import static io.retort.sql.Sql.insert;
import static io.retort.sql.Sql.select;
import static io.retort.sql.Sql.update;
import static io.retort.types.Types.BIGINT;
import static io.retort.types.Types.string;

import io.retort.core.Engine;
import io.retort.core.Row;
import io.retort.orm.SessionFactory;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQLAlchemy 2.0's unified tutorial and ORM quickstart, written with Retort: the tables {@code user_account} and
 * {@code address}, the users spongebob, sandy and patrick, and the same queries first in Core, then with the ORM.
 * Every step is a method returning a publisher, so nothing runs until it is subscribed to; {@code TutorialTest}
 * checks each one on H2, PostgreSQL and MariaDB, and {@code docs/tutorial.md} shows them.
 *
 * <pre>{@code
 * Tutorial tutorial = new Tutorial(engine);
 * tutorial.createTables()
 *         .then(tutorial.coreInsertUsers())
 *         .thenMany(tutorial.coreSelectWhere())
 *         .subscribe(row -> System.out.println(row.asMap()));
 * }</pre>
 *
 * <p>Run it on H2: {@code mvn -q -pl examples -am compile exec:java -Dexec.mainClass=io.retort.examples.tutorial.Tutorial}.
 */
public final class Tutorial {
    private final Engine engine;

    // tag::metadata[]
    private final MetaData metadata = new MetaData();
    private final Table userTable = metadata.table(
            "user_account",
            column("id", BIGINT).primaryKey().autoincrement(),
            column("name", string(30)).notNull(),
            column("fullname", string(100)));
    private final Table addressTable = metadata.table(
            "address",
            column("id", BIGINT).primaryKey().autoincrement(),
            column("user_id", BIGINT).notNull().references("user_account.id"),
            column("email_address", string(100)).notNull());
    // end::metadata[]

    private final SessionFactory sessions;

    /**
     * A tutorial on {@code engine}; creates nothing until {@link #createTables()} is subscribed to.
     *
     * @param engine the engine (any of the three dialects)
     */
    public Tutorial(Engine engine) {
        this.engine = engine;
        // tag::session-factory[]
        this.sessions = SessionFactory.builder(engine)
                .entities(User.class, Address.class)
                .build();
        // end::session-factory[]
    }

    /** The session factory of the ORM half. */
    public SessionFactory sessions() {
        return sessions;
    }

    // ---------------------------------------------------------------- Core

    /** Step 1: {@code metadata.create_all(engine)}; completes when both tables exist. */
    public Mono<Void> createTables() {
        // tag::create-all[]
        Mono<Void> created = metadata.createAll(engine); // CREATE TABLE user_account ..., then CREATE TABLE address
        // end::create-all[]
        return created;
    }

    /** Step 2: one INSERT of three users (executemany); emits the number of rows inserted, 3. */
    public Mono<Long> coreInsertUsers() {
        // tag::core-insert[]
        Mono<Long> inserted = engine.transaction(conn -> conn.executeUpdate(
                        insert(userTable),
                        List.of(
                                Map.of("name", "spongebob", "fullname", "Spongebob Squarepants"),
                                Map.of("name", "sandy", "fullname", "Sandy Cheeks"),
                                Map.of("name", "patrick", "fullname", "Patrick Star"))))
                .single();
        // end::core-insert[]
        return inserted;
    }

    /**
     * Step 3: the users' addresses, with the ids read back by name in the same transaction; emits the number of
     * addresses inserted, 3.
     */
    public Mono<Long> coreInsertAddresses() {
        // tag::core-insert-addresses[]
        Mono<Long> inserted = engine.transaction(conn -> conn.execute(select(userTable.c("id"), userTable.c("name")))
                        .collectMap(row -> row.get("name", String.class), row -> row.get("id", Long.class))
                        .flatMap(ids -> conn.executeUpdate(
                                insert(addressTable),
                                List.of(
                                        Map.of(
                                                "user_id",
                                                ids.get("spongebob"),
                                                "email_address",
                                                "spongebob@sqlalchemy.org"),
                                        Map.of("user_id", ids.get("sandy"), "email_address", "sandy@sqlalchemy.org"),
                                        Map.of(
                                                "user_id",
                                                ids.get("sandy"),
                                                "email_address",
                                                "sandy@squirrelpower.org")))))
                .single();
        // end::core-insert-addresses[]
        return inserted;
    }

    /** Step 4: {@code select(user_table).where(user_table.c.name == "spongebob")}; emits one row. */
    public Flux<Row> coreSelectWhere() {
        // tag::core-select[]
        Flux<Row> rows = engine.connect(
                conn -> conn.execute(select(userTable.c("id"), userTable.c("name"), userTable.c("fullname"))
                        .where(userTable.c("name").eq("spongebob"))));
        // end::core-select[]
        return rows;
    }

    /**
     * Step 5: a join whose ON clause comes from the foreign key; emits (name, email_address) of spongebob's and
     * sandy's addresses, by name then email.
     */
    public Flux<Row> coreJoin() {
        // tag::core-join[]
        Flux<Row> rows =
                engine.connect(conn -> conn.execute(select(userTable.c("name"), addressTable.c("email_address"))
                        .join(addressTable) // ON user_account.id = address.user_id
                        .orderBy(userTable.c("name"), addressTable.c("email_address"))));
        // end::core-join[]
        return rows;
    }

    /** Step 6: users with more than one address, and how many: emits one row, (sandy, 2). */
    public Flux<Row> coreGroupByCount() {
        // tag::core-group-by[]
        Flux<Row> rows = engine.connect(conn -> conn.execute(
                select(userTable.c("name"), func.count(addressTable.c("id")).label("count"))
                        .join(addressTable)
                        .groupBy(userTable.c("name"))
                        .having(func.count(addressTable.c("id")).gt(1))));
        // end::core-group-by[]
        return rows;
    }

    /** Step 7: an UPDATE in a transaction; emits the number of rows matched, 1. */
    public Mono<Long> coreUpdate() {
        // tag::core-update[]
        Mono<Long> updated = engine.transaction(conn -> conn.executeUpdate(update(userTable)
                        .values(Map.of("fullname", "Patrick the Star"))
                        .where(userTable.c("name").eq("patrick"))))
                .single();
        // end::core-update[]
        return updated;
    }

    /** Step 8: a DELETE in a transaction (patrick has no address); emits the number of rows deleted, 1. */
    public Mono<Long> coreDelete() {
        // tag::core-delete[]
        Mono<Long> deleted = engine.transaction(conn -> conn.executeUpdate(
                        delete(userTable).where(userTable.c("name").eq("patrick"))))
                .single();
        // end::core-delete[]
        return deleted;
    }

    /**
     * Step 9: a transaction that fails after its DELETE is rolled back; emits the number of addresses
     * afterwards, which is unchanged.
     */
    public Mono<Long> coreRollback() {
        // tag::core-rollback[]
        Mono<Long> remaining = engine.transaction(conn -> conn.executeUpdate(delete(addressTable))
                        .then(Mono.error(new IllegalStateException("changed my mind"))))
                .onErrorResume(IllegalStateException.class, e -> Mono.empty()) // ROLLBACK was sent
                .then(engine.connect(conn -> conn.scalar(select(func.count()).from(addressTable), Long.class))
                        .single());
        // end::core-rollback[]
        return remaining;
    }

    // ----------------------------------------------------------------- ORM

    /**
     * ORM step 1: spongebob, sandy and patrick with their addresses, saved by one unit of work (the addresses
     * through the cascade); emits the three users, their ids set.
     */
    public Flux<User> ormAddAll() {
        // tag::orm-add[]
        Flux<User> saved = sessions.inTransaction(session -> {
            User spongebob = new User("spongebob", "Spongebob Squarepants");
            spongebob.addresses.add(new Address("spongebob@sqlalchemy.org"));
            User sandy = new User("sandy", "Sandy Cheeks");
            sandy.addresses.add(new Address("sandy@sqlalchemy.org"));
            sandy.addresses.add(new Address("sandy@squirrelpower.org"));
            User patrick = new User("patrick", "Patrick Star");
            session.addAll(List.of(spongebob, sandy, patrick));
            return Flux.just(spongebob, sandy, patrick);
        }); // flush (one INSERT per table), COMMIT
        // end::orm-add[]
        return saved;
    }

    /** ORM step 2: {@code select(User).where(User.name.in_(["spongebob", "sandy"]))}; emits the two users. */
    public Flux<User> ormSelectWhere() {
        // tag::orm-select[]
        Flux<User> users = sessions.inSession(session -> session.select(User.class)
                .where(User_.name.in("spongebob", "sandy"))
                .orderBy(User_.id)
                .all());
        // end::orm-select[]
        return users;
    }

    /** ORM step 3: the address of sandy's with a join to its user; emits {@code sandy@sqlalchemy.org}. */
    public Mono<Address> ormJoin() {
        // tag::orm-join[]
        Mono<Address> address = sessions.inSession(session -> session.select(Address.class)
                        .join(sessions.metadata().table("user_account"))
                        .where(User_.name.eq("sandy"), Address_.emailAddress.eq("sandy@sqlalchemy.org"))
                        .one())
                .single();
        // end::orm-join[]
        return address;
    }

    /** ORM step 4: the group-by of Core step 6 with the metamodel; emits one row, (sandy, 2). */
    public Flux<Row> ormGroupByCount() {
        // tag::orm-group-by[]
        Flux<Row> rows = sessions.inSession(session ->
                session.execute(select(User_.name, func.count(Address_.id).label("count"))
                        .join(sessions.metadata().table("address"))
                        .groupBy(User_.name)
                        .having(func.count(Address_.id).gt(1))));
        // end::orm-group-by[]
        return rows;
    }

    /** ORM step 5: eager loading of the addresses in a second SELECT ... IN; emits each user with its emails. */
    public Flux<Map.Entry<String, List<String>>> ormSelectinload() {
        // tag::orm-selectinload[]
        Flux<User> users = sessions.inSession(session -> session.select(User.class)
                .options(selectinload(User_.addresses)) // SELECT users, then SELECT addresses WHERE user_id IN (...)
                .orderBy(User_.id)
                .all());
        Flux<Map.Entry<String, List<String>>> emails = users.map(user -> Map.entry(
                user.name, user.addresses.stream().map(a -> a.emailAddress).collect(Collectors.toList())));
        // end::orm-selectinload[]
        return emails;
    }

    /**
     * ORM step 6: lazy loading as a publisher: {@code fetch()} on a not-loaded {@code LazyList} and
     * {@code Lazy}; emits "sandy: [sandy@sqlalchemy.org, sandy@squirrelpower.org], first belongs to sandy".
     */
    public Mono<String> ormLazyFetch() {
        // tag::orm-fetch[]
        Mono<String> text = sessions.inSession(session -> session.select(User.class)
                        .where(User_.name.eq("sandy"))
                        .one()
                        .flatMap(sandy -> sandy.addresses
                                .fetch() // SELECT ... FROM address WHERE user_id = ?
                                .flatMap(addresses -> addresses
                                        .get(0)
                                        .user
                                        .fetch() // no SQL: sandy is in the identity map
                                        .map(owner -> sandy.name + ": "
                                                + addresses.stream()
                                                        .map(a -> a.emailAddress)
                                                        .collect(Collectors.toList())
                                                + ", first belongs to " + owner.name))))
                .single();
        // end::orm-fetch[]
        return text;
    }

    /**
     * ORM step 7: changes in one unit of work, as in the quickstart: sandy's address gets a new email, patrick a
     * new address (after loading his list with {@code fetch()}); emits patrick's address count, 1.
     */
    public Mono<Integer> ormUpdate() {
        // tag::orm-update[]
        Mono<Integer> patrickAddresses = sessions.inTransaction(session -> session.select(Address.class)
                        .join(sessions.metadata().table("user_account"))
                        .where(User_.name.eq("sandy"), Address_.emailAddress.eq("sandy@sqlalchemy.org"))
                        .one()
                        .doOnNext(address -> address.emailAddress = "sandy_cheeks@sqlalchemy.org") // tracked
                        .then(session.select(User.class)
                                .where(User_.name.eq("patrick"))
                                .one())
                        .flatMap(patrick -> patrick.addresses.fetch().map(addresses -> {
                            patrick.addresses.add(new Address("patrickstar@sqlalchemy.org")); // cascaded
                            return patrick.addresses.size();
                        })))
                .single(); // flush: one UPDATE and one INSERT, then COMMIT
        // end::orm-update[]
        return patrickAddresses;
    }

    /**
     * ORM step 8: deletes, as in the quickstart: one of sandy's addresses removed from her list (delete-orphan)
     * and patrick deleted with his addresses (cascade); emits the users left, by name.
     */
    public Flux<String> ormDelete() {
        // tag::orm-delete[]
        Mono<Void> deleted = sessions.inTransaction(session -> session.select(User.class)
                        .where(User_.name.in("sandy", "patrick"))
                        .options(selectinload(User_.addresses))
                        .all()
                        .doOnNext(user -> {
                            if (user.name.equals("sandy")) {
                                user.addresses.remove(0); // orphan: DELETE FROM address
                            } else {
                                session.delete(user); // DELETE its addresses, then the user
                            }
                        }))
                .then();
        Flux<String> left = deleted.thenMany(sessions.inSession(
                session -> session.select(User.class).orderBy(User_.name).all().map(user -> user.name)));
        // end::orm-delete[]
        return left;
    }

    /**
     * ORM step 9: a flushed change and a new object undone by {@code rollback()}: emits sandy's full name and the
     * user count as seen inside the transaction and after the rollback, e.g.
     * {@code "Sandy Squirrel/4 -> Sandy Cheeks/3"}.
     */
    public Mono<String> ormRollback() {
        // tag::orm-rollback[]
        Mono<String> text = sessions.inSession(session -> session.select(User.class)
                        .where(User_.name.eq("sandy"))
                        .one()
                        .flatMap(sandy -> {
                            sandy.fullname = "Sandy Squirrel";
                            session.add(new User("patrick", "Patrick Star")); // a second patrick
                            return session.flush() // UPDATE and INSERT sent, in the open transaction
                                    .then(session.select(User.class).count())
                                    .map(n -> sandy.fullname + "/" + n)
                                    .flatMap(inside -> session.rollback() // ROLLBACK: sandy is expired
                                            .then(session.refresh(sandy))
                                            .then(session.select(User.class).count())
                                            .map(n -> inside + " -> " + sandy.fullname + "/" + n));
                        }))
                .single();
        // end::orm-rollback[]
        return text;
    }

    /**
     * Runs every step on an in-memory H2 database and prints what each emits.
     *
     * @param args an optional R2DBC URL (default: in-memory H2)
     */
    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "r2dbc:h2:mem:///tutorial?options=DB_CLOSE_DELAY=-1";
        Engine engine = Engine.create(url);
        Tutorial t = new Tutorial(engine);
        try {
            Flux.concat(
                            t.createTables().then(Mono.just("tables created")),
                            t.coreInsertUsers().map(n -> "users inserted: " + n),
                            t.coreInsertAddresses().map(n -> "addresses inserted: " + n),
                            t.coreSelectWhere().map(r -> "select where: " + r.asMap()),
                            t.coreJoin().map(r -> "join: " + r.asMap()),
                            t.coreGroupByCount().map(r -> "group by: " + r.asMap()),
                            t.coreUpdate().map(n -> "updated: " + n),
                            t.coreDelete().map(n -> "deleted: " + n),
                            t.coreRollback().map(n -> "addresses after rollback: " + n),
                            engine.connect(c -> c.executeUpdate(delete(t.addressTable))
                                            .then(c.executeUpdate(delete(t.userTable))))
                                    .then(Mono.just("--- ORM, on emptied tables")),
                            t.ormAddAll()
                                    .collectList()
                                    .flatMapIterable(l -> l)
                                    .map(u -> "saved: " + u), // ids after the commit
                            t.ormSelectWhere().map(u -> "select where: " + u),
                            t.ormJoin().map(a -> "join: " + a),
                            t.ormGroupByCount().map(r -> "group by: " + r.asMap()),
                            t.ormSelectinload().map(e -> "selectinload: " + e),
                            t.ormLazyFetch().map(s -> "fetch(): " + s),
                            t.ormUpdate().map(n -> "patrick's addresses: " + n),
                            t.ormRollback().map(s -> "rollback: " + s),
                            t.ormDelete().map(n -> "left after delete: " + n))
                    .doOnNext(System.out::println)
                    .blockLast(java.time.Duration.ofSeconds(60));
        } finally {
            engine.dispose().block(java.time.Duration.ofSeconds(30));
        }
    }
}
