package io.retort.bench.hr;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A row of {@code bench_new}, W3's table of new rows. */
@Entity
@Table(name = "bench_new")
public class HrNew extends HrRow {
    protected HrNew() {}

    public HrNew(int id, String name, BigDecimal price, LocalDateTime created) {
        super(id, name, price, created);
    }
}
