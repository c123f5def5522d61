package io.retort.bench.hr;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** W5's author ({@code bench_author}) with its books, lazy unless a query fetches them. */
@Entity
@Table(name = "bench_author")
public class HrAuthor {
    @Id
    Integer id;

    @Column(nullable = false, length = 64)
    String name;

    @OneToMany(mappedBy = "author")
    @OrderBy("id")
    List<HrBook> books = new ArrayList<>();

    protected HrAuthor() {}

    /** The loaded books (an initialized collection after a fetch). */
    public List<HrBook> books() {
        return books;
    }
}
