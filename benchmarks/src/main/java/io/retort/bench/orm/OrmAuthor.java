package io.retort.bench.orm;

import io.retort.orm.LazyList;
import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.Id;
import io.retort.orm.mapping.OneToMany;

/** W5's author, with its books as a one-to-many relationship (loaded by selectinload or joinedload). */
@Entity(table = "bench_author")
public class OrmAuthor {
    @Id
    private Integer id;

    private String name;

    @OneToMany(mappedBy = "author", orderBy = "id")
    private LazyList<OrmBook> books = LazyList.empty();

    protected OrmAuthor() {}

    public Integer id() {
        return id;
    }

    public String name() {
        return name;
    }

    public LazyList<OrmBook> books() {
        return books;
    }
}
