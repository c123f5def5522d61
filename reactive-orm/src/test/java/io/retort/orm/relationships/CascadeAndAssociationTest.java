package io.retort.orm.relationships;

import static io.retort.orm.Loading.joinedload;
import static io.retort.orm.Loading.selectinload;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.core.Engine;
import io.retort.orm.ObjectState;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.orm.relationships.model.Address;
import io.retort.orm.relationships.model.Book;
import io.retort.orm.relationships.model.Book_;
import io.retort.orm.relationships.model.Course;
import io.retort.orm.relationships.model.Customer;
import io.retort.orm.relationships.model.Customer_;
import io.retort.orm.relationships.model.Enrolment;
import io.retort.orm.relationships.model.Enrolment_;
import io.retort.orm.relationships.model.Shelf;
import io.retort.orm.relationships.model.Shelf_;
import io.retort.orm.relationships.model.Student;
import io.retort.orm.relationships.model.Student_;
import io.retort.testing.Backend;
import io.retort.testing.BackendTest;
import io.retort.testing.StatementRecorder;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/** The association-object pattern, and the merge, refresh and expunge cascades. */
class CascadeAndAssociationTest {
    private static final Duration T = Duration.ofSeconds(60);

    private static SessionFactory sessions(Engine engine) {
        return Fixtures.sessions(engine, Student.class, Course.class, Enrolment.class, Shelf.class, Book.class);
    }

    @BackendTest
    void associationObjectsCarryTheirOwnDataAndLoadWithNestedSelectin(
            Backend db, Engine engine, StatementRecorder rec) {
        SessionFactory sessions = sessions(engine);
        Course math = new Course("math");
        Course art = new Course("art");
        Student sandy = new Student("sandy");
        sessions.inTransaction(s -> {
                    s.add(math);
                    s.add(art);
                    sandy.enrolments.add(new Enrolment(math, 90));
                    sandy.enrolments.add(new Enrolment(art, 75));
                    s.add(sandy);
                    return Mono.empty();
                })
                .blockLast(T);
        rec.clear();
        Student loaded = sessions.inSession(s -> s.select(Student.class)
                        .options(selectinload(Student_.enrolments).selectinload(Enrolment_.course))
                        .one())
                .single()
                .block(T);
        assertThat(rec.count()).isEqualTo(3);
        assertThat(loaded.enrolments)
                .extracting(e -> e.course.get().title + "=" + e.grade)
                .containsExactlyInAnyOrder("math=90", "art=75");
    }

    @BackendTest
    void mergeCascadesToLoadedChildrenAndExpungeAndRefreshFollowTheirCascades(Backend db, Engine engine) {
        SessionFactory sessions = sessions(engine);
        Customer sandy = new Customer("sandy");
        sandy.addresses.add(new Address("old@x"));
        sessions.inTransaction(s -> {
                    s.add(sandy);
                    return Mono.empty();
                })
                .blockLast(T);

        // a detached graph, changed outside any session, merged back: the parent and its child are updated
        sandy.name = "Sandy";
        sandy.addresses.get(0).email = "new@x";
        Customer merged = sessions.inTransaction(s -> s.merge(sandy)).single().block(T);
        assertThat(merged).isNotSameAs(sandy);
        assertThat(db.query("SELECT name FROM customer").get(0).get("name")).isEqualTo("Sandy");
        assertThat(db.query("SELECT email FROM address").get(0).get("email")).isEqualTo("new@x");

        Session s = sessions.open().block(T);
        Customer c = s.select(Customer.class)
                .options(selectinload(Customer_.addresses))
                .one()
                .block(T);
        Address a = c.addresses.get(0);
        c.name = "changed";
        a.email = "changed@x";
        s.refresh(c).block(T); // REFRESH cascades (Cascade.ALL) to the loaded addresses
        assertThat(c.name).isEqualTo("Sandy");
        assertThat(a.email).isEqualTo("new@x");
        s.expunge(c); // EXPUNGE cascades too
        assertThat(s.state(a)).isEqualTo(ObjectState.DETACHED);
        s.close().block(T);
        assertThat(List.of(c, a)).hasSize(2);
    }

    @BackendTest
    void compositeForeignKeysLoadAndWrite(Backend db, Engine engine, StatementRecorder rec) {
        SessionFactory sessions = sessions(engine);
        Shelf a = new Shelf(1, 1, "fiction");
        Shelf b = new Shelf(1, 2, "poetry");
        a.books.add(new Book("Dune"));
        a.books.add(new Book("Emma"));
        b.books.add(new Book("Odes"));
        sessions.inTransaction(s -> {
                    s.add(a);
                    s.add(b);
                    return Mono.empty();
                })
                .blockLast(T);
        assertThat(db.query("SELECT shelf_number FROM book WHERE title = 'Odes'")
                        .get(0)
                        .get("shelf_number")
                        .toString())
                .isEqualTo("2");

        rec.clear();
        List<Shelf> shelves = sessions.inSession(s -> s.select(Shelf.class)
                        .options(selectinload(Shelf_.books))
                        .orderBy(Shelf_.number)
                        .all())
                .collectList()
                .block(T);
        assertThat(rec.count()).isEqualTo(2);
        assertThat(shelves.get(0).books).extracting(x -> x.title).containsExactly("Dune", "Emma");
        assertThat(shelves.get(1).books).extracting(x -> x.title).containsExactly("Odes");

        String label = sessions.inSession(s -> s.select(Book.class)
                        .where(Book_.title.eq("Odes"))
                        .one()
                        .flatMap(x -> x.shelf.fetch())
                        .map(sh -> sh.label))
                .single()
                .block(T);
        assertThat(label).isEqualTo("poetry");

        rec.clear();
        List<Book> books = sessions.inSession(s -> s.select(Book.class)
                        .options(joinedload(Book_.shelf))
                        .orderBy(Book_.title)
                        .all())
                .collectList()
                .block(T);
        assertThat(rec.count()).isEqualTo(1);
        assertThat(books)
                .extracting(x -> x.title + "@" + x.shelf.get().label)
                .containsExactly("Dune@fiction", "Emma@fiction", "Odes@poetry");

        // moving a book to the other shelf rewrites both foreign-key columns in one UPDATE
        rec.clear();
        sessions.inTransaction(s -> Mono.zip(
                                s.select(Book.class)
                                        .where(Book_.title.eq("Emma"))
                                        .one(),
                                s.get(Shelf.class, new Object[] {1L, 2}))
                        .doOnNext(t -> t.getT1().shelf.set(t.getT2())))
                .blockLast(T);
        assertThat(rec.count(q -> q.startsWith("UPDATE") || q.startsWith("MERGE")))
                .isEqualTo(1);
        assertThat(db.query("SELECT shelf_number FROM book WHERE title = 'Emma'")
                        .get(0)
                        .get("shelf_number")
                        .toString())
                .isEqualTo("2");
    }
}
