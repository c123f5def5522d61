package io.retort.bench.model;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** The mapped object of W1-W4: {@code (id integer, name varchar, price numeric, created timestamp)}. */
public final class Item {
    public int id;
    public String name;
    public BigDecimal price;
    public LocalDateTime created;

    public Item(int id, String name, BigDecimal price, LocalDateTime created) {
        this.id = id;
        this.name = name;
        this.price = price;
        this.created = created;
    }

    /** The change W4 makes to every row it reads. */
    public void touch() {
        price = price.add(BigDecimal.ONE);
        name = name.length() > 40 ? name.substring(0, 10) : name + "+";
    }
}
