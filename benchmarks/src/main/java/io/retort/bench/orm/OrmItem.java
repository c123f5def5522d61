package io.retort.bench.orm;

import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.Id;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** W1 and W4's row of {@code bench_item}, mapped by the ORM (assigned ids: no {@code @GeneratedValue}). */
@Entity(table = "bench_item")
public class OrmItem {
    @Id
    private Integer id;

    private String name;
    private BigDecimal price;
    private LocalDateTime created;

    protected OrmItem() {}

    public OrmItem(int id, String name, BigDecimal price, LocalDateTime created) {
        this.id = id;
        this.name = name;
        this.price = price;
        this.created = created;
    }

    public Integer id() {
        return id;
    }

    public String name() {
        return name;
    }

    public BigDecimal price() {
        return price;
    }

    public LocalDateTime created() {
        return created;
    }

    /** The change W4 makes to every row it reads (the same as {@code Item.touch()}). */
    public void touch() {
        price = price.add(BigDecimal.ONE);
        name = name.length() > 40 ? name.substring(0, 10) : name + "+";
    }
}
