package io.retort.orm.relationships.model;

import io.retort.orm.Lazy;
import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.GeneratedValue;
import io.retort.orm.mapping.Id;
import io.retort.orm.mapping.JoinColumn;
import io.retort.orm.mapping.ManyToOne;

@Entity(table = "item")
public class Item {
    @Id
    @GeneratedValue
    public Long id;

    public String sku;

    @ManyToOne
    @JoinColumn(name = "order_id")
    public Lazy<Order> order = Lazy.empty();

    protected Item() {}

    public Item(String sku) {
        this.sku = sku;
    }
}
