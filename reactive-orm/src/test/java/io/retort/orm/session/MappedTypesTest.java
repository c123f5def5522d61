package io.retort.orm.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.retort.core.Engine;
import io.retort.orm.SessionFactory;
import io.retort.orm.model.Invoice;
import io.retort.orm.model.Money;
import io.retort.orm.model.Note;
import io.retort.orm.model.Product;
import io.retort.orm.model.Product_;
import io.retort.testing.Backend;
import io.retort.testing.BackendTest;
import io.retort.testing.StatementRecorder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/** The mapped tables come from createAll; every supported Java type round-trips through the ORM. */
class MappedTypesTest {
    private static final Duration T = Duration.ofSeconds(60);

    @BackendTest
    void createAllOfTheMappedTablesAndEveryTypeRoundTrips(Backend db, Engine engine) {
        SessionFactory sessions =
                SessionFactory.builder(engine).entities(Product.class).build();
        sessions.metadata().createAll(engine).block(T);
        Product p = new Product("kelp shake", new Money(new BigDecimal("3.50")));
        p.launched = LocalDate.of(1999, 5, 1);
        p.updatedAt = OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(-8));
        p.weight = 0.25;
        p.thumbnail = new byte[] {1, 2, 3};
        p.kind = Note.Kind.DONE;
        sessions.inTransaction(s -> {
                    s.add(p);
                    return Mono.empty();
                })
                .blockLast(T);
        assertThat(p.id).isNotNull();
        Product loaded = sessions.inSession(s -> s.select(Product.class)
                        .where(Product_.price.eq(new Money(new BigDecimal("3.50"))))
                        .one())
                .single()
                .block(T);
        assertThat(loaded.id).isEqualTo(p.id);
        assertThat(loaded.price.amount()).isEqualByComparingTo("3.50");
        assertThat(loaded.launched).isEqualTo(p.launched);
        assertThat(loaded.updatedAt.toInstant()).isEqualTo(p.updatedAt.toInstant());
        assertThat(loaded.weight).isEqualTo(0.25);
        assertThat(loaded.thumbnail).containsExactly(1, 2, 3);
        assertThat(loaded.kind).isEqualTo(Note.Kind.DONE);

        // a changed converted value is detected and written
        sessions.inTransaction(
                        s -> s.get(Product.class, p.id).doOnNext(x -> x.price = new Money(new BigDecimal("4.00"))))
                .blockLast(T);
        assertThat(new BigDecimal(db.query("SELECT price FROM product")
                        .get(0)
                        .get("price")
                        .toString()))
                .isEqualByComparingTo("4.00");
    }

    @BackendTest
    void sequenceIdsAreDrawnInTheInsertItself(Backend db, Engine engine, StatementRecorder rec) {
        SessionFactory sessions =
                SessionFactory.builder(engine).entities(Invoice.class).build();
        sessions.metadata().createAll(engine).block(T);
        rec.clear();
        List<Invoice> invoices = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            invoices.add(new Invoice("c" + i));
        }
        sessions.inTransaction(s -> {
                    s.addAll(invoices);
                    return Mono.empty();
                })
                .blockLast(T);
        assertThat(rec.count()).isEqualTo(1);
        assertThat(invoices).allSatisfy(inv -> assertThat(inv.number).isNotNull());
        assertThat(invoices.stream().map(inv -> inv.number).distinct().count()).isEqualTo(50);
    }
}
