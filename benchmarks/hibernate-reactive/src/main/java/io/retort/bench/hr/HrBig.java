package io.retort.bench.hr;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A row of {@code bench_big}, W2's 200,000-row table. */
@Entity
@Table(name = "bench_big")
public class HrBig extends HrRow {
    protected HrBig() {}

    public HrBig(int id, String name, BigDecimal price, LocalDateTime created) {
        super(id, name, price, created);
    }
}
