package io.retort.orm.relationships.model;

import io.retort.orm.LazyList;
import io.retort.orm.mapping.Cascade;
import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.Id;
import io.retort.orm.mapping.OneToMany;

/** A parent with a composite primary key. */
@Entity(table = "shelf")
public class Shelf {
    @Id
    public Long room;

    @Id
    public Integer number;

    public String label;

    @OneToMany(mappedBy = "shelf", cascade = Cascade.ALL, orderBy = "title")
    public LazyList<Book> books = LazyList.empty();

    protected Shelf() {}

    public Shelf(long room, int number, String label) {
        this.room = room;
        this.number = number;
        this.label = label;
    }
}
