package io.retort.bench.hr;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** W5's book ({@code bench_book}). */
@Entity
@Table(name = "bench_book")
public class HrBook {
    @Id
    Integer id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    HrAuthor author;

    @Column(nullable = false, length = 100)
    String title;

    @Column(nullable = false, precision = 10, scale = 2)
    BigDecimal price;

    protected HrBook() {}
}
