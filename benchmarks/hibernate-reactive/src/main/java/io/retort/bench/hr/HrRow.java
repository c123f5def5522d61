package io.retort.bench.hr;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** The columns of the three item tables {@code (id integer, name varchar, price numeric, created timestamp)}. */
@MappedSuperclass
public abstract class HrRow {
    /** Assigned, never generated. */
    @Id
    Integer id;

    @Column(nullable = false, length = 64)
    String name;

    @Column(nullable = false, precision = 10, scale = 2)
    BigDecimal price;

    @Column(nullable = false)
    LocalDateTime created;

    protected HrRow() {}

    protected HrRow(int id, String name, BigDecimal price, LocalDateTime created) {
        this.id = id;
        this.name = name;
        this.price = price;
        this.created = created;
    }

    /** The change W4 makes to every row it reads (the same as {@code io.retort.bench.model.Item#touch}). */
    public void touch() {
        price = price.add(BigDecimal.ONE);
        name = name.length() > 40 ? name.substring(0, 10) : name + "+";
    }
}
