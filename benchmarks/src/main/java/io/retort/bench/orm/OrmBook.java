package io.retort.bench.orm;

import io.retort.orm.Lazy;
import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.Id;
import io.retort.orm.mapping.JoinColumn;
import io.retort.orm.mapping.ManyToOne;
import java.math.BigDecimal;

/** W5's book; its author is a lazy many-to-one on {@code author_id}. */
@Entity(table = "bench_book")
public class OrmBook {
    @Id
    private Integer id;

    @ManyToOne
    @JoinColumn(name = "author_id")
    private Lazy<OrmAuthor> author = Lazy.empty();

    private String title;
    private BigDecimal price;

    protected OrmBook() {}

    public Integer id() {
        return id;
    }

    public Lazy<OrmAuthor> author() {
        return author;
    }

    public String title() {
        return title;
    }

    public BigDecimal price() {
        return price;
    }
}
