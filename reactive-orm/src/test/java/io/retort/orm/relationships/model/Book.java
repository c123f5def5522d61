package io.retort.orm.relationships.model;

import io.retort.orm.Lazy;
import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.GeneratedValue;
import io.retort.orm.mapping.Id;
import io.retort.orm.mapping.JoinColumn;
import io.retort.orm.mapping.JoinColumns;
import io.retort.orm.mapping.ManyToOne;

/** A child pointing to a composite key through two foreign-key columns. */
@Entity(table = "book")
public class Book {
    @Id
    @GeneratedValue
    public Long id;

    public String title;

    @ManyToOne
    @JoinColumns({@JoinColumn(name = "shelf_room"), @JoinColumn(name = "shelf_number")})
    public Lazy<Shelf> shelf = Lazy.empty();

    protected Book() {}

    public Book(String title) {
        this.title = title;
    }
}
