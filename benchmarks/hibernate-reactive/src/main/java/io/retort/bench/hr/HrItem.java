package io.retort.bench.hr;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A row of {@code bench_item}, W1 and W4's table. */
@Entity
@Table(name = "bench_item")
public class HrItem extends HrRow {
    protected HrItem() {}

    public HrItem(int id, String name, BigDecimal price, LocalDateTime created) {
        super(id, name, price, created);
    }
}
