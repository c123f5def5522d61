package io.retort.orm.relationships;

import static io.retort.orm.Loading.joinedload;
import static io.retort.orm.Loading.raiseload;
import static io.retort.orm.Loading.selectinload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.core.Engine;
import io.retort.core.InvalidRequestException;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.orm.relationships.model.Address;
import io.retort.orm.relationships.model.Address_;
import io.retort.orm.relationships.model.Customer;
import io.retort.orm.relationships.model.Customer_;
import io.retort.orm.relationships.model.Item;
import io.retort.orm.relationships.model.Node;
import io.retort.orm.relationships.model.Order;
import io.retort.orm.relationships.model.Order_;
import io.retort.orm.relationships.model.Post;
import io.retort.orm.relationships.model.Post_;
import io.retort.orm.relationships.model.Tag;
import io.retort.orm.relationships.model.Tag_;
import io.retort.testing.Backend;
import io.retort.testing.BackendTest;
import io.retort.testing.StatementRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Relationships, cascades and loading strategies on every backend, with statement counts. */
class RelationshipTest {
    private static final Duration T = Duration.ofSeconds(60);

    private static SessionFactory sessions(Engine engine) {
        return Fixtures.sessions(engine);
    }

    /** 100 customers with 10 addresses each, written by one flush through save-update cascades. */
    private static void hundredCustomers(SessionFactory sessions) {
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Customer c = new Customer(String.format("c%03d", i));
            for (int j = 0; j < 10; j++) {
                c.addresses.add(new Address("a" + i + "_" + j + "@example.com"));
            }
            customers.add(c);
        }
        sessions.inTransaction(s -> {
                    s.addAll(customers);
                    return Mono.empty();
                })
                .blockLast(T);
    }

    @BackendTest
    void cascadeWritesParentsAndChildrenInTwoInserts(Backend db, Engine engine, StatementRecorder rec) {
        SessionFactory sessions = sessions(engine);
        rec.clear();
        hundredCustomers(sessions);
        assertThat(rec.count(q -> q.contains("INSERT"))).isEqualTo(2);
        assertThat(db.query("SELECT COUNT(*) AS n FROM address WHERE customer_id IS NOT NULL")
                        .get(0)
                        .values()
                        .iterator()
                        .next()
                        .toString())
                .isEqualTo("1000");
    }

    @BackendTest
    void selectinLoadsHundredCustomersWithTheirAddressesInTwoStatements(
            Backend db, Engine engine, StatementRecorder rec) {
        SessionFactory sessions = sessions(engine);
        hundredCustomers(sessions);
        rec.clear();
        List<Customer> loaded = sessions.inSession(s -> s.select(Customer.class)
                        .options(selectinload(Customer_.addresses))
                        .orderBy(Customer_.name)
                        .all())
                .collectList()
                .block(T);
        assertThat(rec.count()).isEqualTo(2);
        assertThat(loaded).hasSize(100);
        assertThat(loaded).allSatisfy(c -> assertThat(c.addresses).hasSize(10));
        assertThat(loaded.get(0).addresses.get(0).email).isEqualTo("a0_0@example.com");
        assertThat(loaded.get(0).addresses.get(0).customer.get()).isSameAs(loaded.get(0));
    }

    @BackendTest
    void joinedLoadsHundredDistinctCustomersInOneStatementAlsoWithALimit(
            Backend db, Engine engine, StatementRecorder rec) {
        SessionFactory sessions = sessions(engine);
        hundredCustomers(sessions);
        rec.clear();
        List<Customer> loaded = sessions.inSession(s -> s.select(Customer.class)
                        .options(joinedload(Customer_.addresses))
                        .orderBy(Customer_.name)
                        .all())
                .collectList()
                .block(T);
        assertThat(rec.count()).isEqualTo(1);
        assertThat(loaded).hasSize(100).doesNotHaveDuplicates();
        assertThat(loaded).allSatisfy(c -> assertThat(c.addresses).hasSize(10));
        assertThat(loaded.get(0).addresses.get(0).email).isEqualTo("a0_0@example.com");

        rec.clear();
        List<Customer> page = sessions.inSession(s -> s.select(Customer.class)
                        .options(joinedload(Customer_.addresses))
                        .orderBy(Customer_.name.desc())
                        .limit(5)
                        .offset(2)
                        .all())
                .collectList()
                .block(T);
        assertThat(rec.count()).isEqualTo(1);
        assertThat(page).extracting(c -> c.name).containsExactly("c097", "c096", "c095", "c094", "c093");
        assertThat(page).allSatisfy(c -> assertThat(c.addresses).hasSize(10));
    }

    @BackendTest
    void aStreamedQueryLoadsSelectinPerWindowOfParents(Backend db, Engine engine, StatementRecorder rec) {
        SessionFactory sessions = sessions(engine);
        hundredCustomers(sessions);
        rec.clear();
        List<Customer> streamed = sessions.inSession(
                        s -> s
                                .select(Customer.class)
                                .options(selectinload(Customer_.addresses))
                                .orderBy(Customer_.name)
                                .stream(25))
                .collectList()
                .block(T);
        assertThat(streamed).hasSize(100);
        assertThat(streamed).allSatisfy(c -> assertThat(c.addresses).hasSize(10));
        assertThat(streamed.get(0).addresses.get(0).customer.get()).isSameAs(streamed.get(0));
        assertThat(rec.count()).isEqualTo(1 + 4); // the stream, then one IN query per window of 25
    }

    @BackendTest
    void queriesJoinAlongRelationshipsByAttributeOrName(Backend db, Engine engine) {
        SessionFactory sessions = sessions(engine);
        hundredCustomers(sessions);
        List<String> names = sessions.inSession(s -> s.select(Customer.class)
                        .join(Customer_.addresses)
                        .where(Address_.email.eq("a7_3@example.com"))
                        .all()
                        .map(c -> c.name))
                .collectList()
                .block(T);
        assertThat(names).containsExactly("c007");
        Long withAddresses = sessions.inSession(s -> s.select(Customer.class)
                        .join("addresses")
                        .where(Address_.email.like("a1%"))
                        .distinct()
                        .count())
                .single()
                .block(T);
        assertThat(withAddresses).isEqualTo(11L); // c001 and c010..c019
        Post p = new Post("tagged");
        p.tags.add(new Tag("red"));
        sessions.inTransaction(s -> {
                    s.add(p);
                    return Mono.empty();
                })
                .blockLast(T);
        List<String> titles = sessions.inSession(s -> s.select(Post.class)
                        .join(Post_.tags)
                        .where(Tag_.label.eq("red"))
                        .all()
                        .map(x -> x.title))
                .collectList()
                .block(T);
        assertThat(titles).containsExactly("tagged");
    }

    @BackendTest
    void lazyFetchesAreOneQueryEachInSequenceButCoalesceWhenIssuedTogether(
            Backend db, Engine engine, StatementRecorder rec) {
        SessionFactory sessions = sessions(engine);
        hundredCustomers(sessions);
        rec.clear();
        Integer sequential = sessions.inSession(s -> s.select(Customer.class)
                        .all()
                        .concatMap(c -> c.addresses.fetch())
                        .map(List::size)
                        .reduce(0, Integer::sum))
                .single()
                .block(T);
        assertThat(sequential).isEqualTo(1000);
        assertThat(rec.count()).isEqualTo(101);

        rec.clear();
        Integer together = sessions.inSession(s -> s.select(Customer.class)
                        .all()
                        .collectList()
                        .flatMapMany(all -> Flux.fromIterable(all).flatMap(c -> c.addresses.fetch()))
                        .map(List::size)
                        .reduce(0, Integer::sum))
                .single()
                .block(T);
        assertThat(together).isEqualTo(1000);
        assertThat(rec.count()).isEqualTo(2);
    }

    @BackendTest
    void raiseloadMakesAnUnloadedAccessFailWithTheAttributeName(Backend db, Engine engine) {
        SessionFactory sessions = sessions(engine);
        hundredCustomers(sessions);
        Customer c = sessions.inSession(s -> s.select(Customer.class)
                        .options(raiseload(Customer_.addresses))
                        .first())
                .single()
                .block(T);
        assertThatThrownBy(() -> c.addresses.size())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Customer.addresses is not loaded and its loading strategy is raise");
        Customer lazy = sessions.inSession(s -> s.select(Customer.class).first())
                .single()
                .block(T);
        assertThatThrownBy(() -> lazy.addresses.get(0))
                .hasMessageContaining("Customer.addresses is not loaded")
                .hasMessageContaining("selectinload");
        StepVerifier.create(lazy.addresses.fetch())
                .expectErrorSatisfies(e -> assertThat(e)
                        .hasMessageContaining(
                                "Cannot fetch Customer.addresses: the session that loaded the object is closed"))
                .verify(T);
    }

    @BackendTest
    void nestedSelectinIsThreeStatements(Backend db, Engine engine, StatementRecorder rec) {
        SessionFactory sessions = sessions(engine);
        sessions.inTransaction(s -> {
                    for (int i = 0; i < 5; i++) {
                        Customer c = new Customer("n" + i);
                        for (int j = 0; j < 3; j++) {
                            Order o = new Order("o" + i + j);
                            o.items.add(new Item("s" + i + j + "a"));
                            o.items.add(new Item("s" + i + j + "b"));
                            c.orders.add(o);
                        }
                        s.add(c);
                    }
                    return Mono.empty();
                })
                .blockLast(T);
        rec.clear();
        List<Customer> loaded = sessions.inSession(s -> s.select(Customer.class)
                        .options(selectinload(Customer_.orders).selectinload(Order_.items))
                        .all())
                .collectList()
                .block(T);
        assertThat(rec.count()).isEqualTo(3);
        assertThat(loaded).allSatisfy(c -> {
            assertThat(c.orders).hasSize(3);
            assertThat(c.orders).allSatisfy(o -> assertThat(o.items).hasSize(2));
        });
    }

    @BackendTest
    void manyToManyLinksAreBatchedAndReloadEqual(Backend db, Engine engine, StatementRecorder rec) {
        SessionFactory sessions = sessions(engine);
        Post first = new Post("first");
        Post second = new Post("second");
        Tag red = new Tag("red");
        Tag green = new Tag("green");
        Tag blue = new Tag("blue");
        sessions.inTransaction(s -> {
                    first.tags.addAll(List.of(red, green));
                    second.tags.addAll(List.of(green, blue));
                    s.add(first);
                    s.add(second);
                    return Mono.empty();
                })
                .blockLast(T);
        assertThat(rec.count(q -> q.startsWith("INSERT INTO post_tag"))).isEqualTo(1);
        assertThat(db.query("SELECT COUNT(*) AS n FROM post_tag")
                        .get(0)
                        .values()
                        .iterator()
                        .next()
                        .toString())
                .isEqualTo("4");

        rec.clear();
        sessions.inTransaction(s -> s.get(Post.class, first.id)
                        .flatMap(p -> p.tags.fetch().thenReturn(p))
                        .flatMap(p -> s.get(Tag.class, blue.id).doOnNext(b -> {
                            p.tags.removeIf(t -> t.label.equals("red"));
                            p.tags.add(b);
                        })))
                .blockLast(T);
        assertThat(rec.count(q -> q.startsWith("INSERT INTO post_tag"))).isEqualTo(1);
        assertThat(rec.count(q -> q.startsWith("DELETE FROM post_tag"))).isEqualTo(1);

        List<String> labels = sessions.inSession(s -> s.get(Post.class, first.id)
                        .flatMap(p -> p.tags.fetch())
                        .flatMapIterable(l -> l)
                        .map(t -> t.label))
                .collectList()
                .block(T);
        assertThat(labels).containsExactly("blue", "green");
        List<String> posts = sessions.inSession(s -> s.get(Tag.class, green.id)
                        .flatMap(t -> t.posts.fetch())
                        .flatMapIterable(l -> l)
                        .map(p -> p.title))
                .collectList()
                .block(T);
        assertThat(posts).containsExactlyInAnyOrder("first", "second");
    }

    @BackendTest
    void deleteCascadeAndDeleteOrphanRemoveExactlyTheExpectedRowsAndMovingAChildIsOneUpdate(
            Backend db, Engine engine, StatementRecorder rec) {
        SessionFactory sessions = sessions(engine);
        Customer sandy = new Customer("sandy");
        Customer bob = new Customer("bob");
        sandy.addresses.add(new Address("s1@x"));
        sandy.addresses.add(new Address("s2@x"));
        sandy.addresses.add(new Address("s3@x"));
        bob.addresses.add(new Address("b1@x"));
        sessions.inTransaction(s -> {
                    s.add(sandy);
                    s.add(bob);
                    return Mono.empty();
                })
                .blockLast(T);

        // move s3 to bob: one UPDATE of its foreign key
        rec.clear();
        sessions.inTransaction(s -> Mono.zip(
                                s.select(Customer.class)
                                        .options(selectinload(Customer_.addresses))
                                        .filterBy("name", "sandy")
                                        .one(),
                                s.select(Customer.class)
                                        .options(selectinload(Customer_.addresses))
                                        .filterBy("name", "bob")
                                        .one())
                        .doOnNext(t -> {
                            Address s3 = t.getT1().addresses.get(2);
                            t.getT2().addresses.add(s3);
                            assertThat(t.getT1().addresses)
                                    .extracting(a -> a.email)
                                    .containsExactly("s1@x", "s2@x");
                            assertThat(s3.customer.get()).isSameAs(t.getT2());
                        }))
                .blockLast(T);
        assertThat(rec.count("UPDATE") + rec.count("MERGE")).isEqualTo(1);

        // delete-orphan: removing s1 from sandy's collection deletes it
        sessions.inTransaction(s -> s.select(Customer.class)
                        .options(selectinload(Customer_.addresses))
                        .filterBy("name", "sandy")
                        .one()
                        .doOnNext(c -> c.addresses.remove(0)))
                .blockLast(T);
        assertThat(db.query("SELECT email FROM address ORDER BY email"))
                .extracting(r -> r.get("email"))
                .containsExactly("b1@x", "s2@x", "s3@x");

        // delete cascade: deleting bob (collection not loaded) deletes his two addresses, and nothing else
        rec.clear();
        sessions.inTransaction(s ->
                        s.select(Customer.class).filterBy("name", "bob").one().doOnNext(s::delete))
                .blockLast(T);
        assertThat(db.query("SELECT email FROM address ORDER BY email"))
                .extracting(r -> r.get("email"))
                .containsExactly("s2@x");
        assertThat(db.query("SELECT name FROM customer"))
                .extracting(r -> r.get("name"))
                .containsExactly("sandy");
    }

    @BackendTest
    void bothSidesStayInSyncBeforeAnyFlush(Backend db, Engine engine) {
        SessionFactory sessions = sessions(engine);
        Session s = sessions.open().block(T);
        Customer sandy = s.add(new Customer("sandy"));
        Address a = s.add(new Address("sandy@x")); // objects in a session are kept in sync at once
        a.customer.set(sandy);
        assertThat(sandy.addresses).containsExactly(a);
        Address b = new Address("other@x");
        sandy.addresses.add(b);
        assertThat(b.customer.get()).isSameAs(sandy);
        sandy.addresses.remove(b);
        assertThat(b.customer.get()).isNull();
        s.commit().block(T);
        assertThat(db.query("SELECT email FROM address"))
                .extracting(r -> r.get("email"))
                .containsExactly("sandy@x");
        s.close().block(T);
    }

    @BackendTest
    void anAdjacencyListIsInsertedParentFirstAndLoadsBack(Backend db, Engine engine) {
        SessionFactory sessions = sessions(engine);
        Node root = new Node("root");
        Node child = new Node("child");
        Node grandchild = new Node("grandchild");
        child.children.add(grandchild);
        root.children.add(child);
        sessions.inTransaction(s -> {
                    s.add(grandchild);
                    s.add(root);
                    return Mono.empty();
                })
                .blockLast(T);
        assertThat(grandchild.parent.get()).isSameAs(child);
        String path = sessions.inSession(s -> s.get(Node.class, grandchild.id)
                        .flatMap(g -> g.parent.fetch())
                        .flatMap(c -> c.parent.fetch().map(r -> r.label + "/" + c.label)))
                .single()
                .block(T);
        assertThat(path).isEqualTo("root/child");
    }
}
