package io.retort.orm.relationships.model;

import io.retort.orm.Lazy;
import io.retort.orm.LazyList;
import io.retort.orm.mapping.Cascade;
import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.GeneratedValue;
import io.retort.orm.mapping.Id;
import io.retort.orm.mapping.JoinColumn;
import io.retort.orm.mapping.ManyToOne;
import io.retort.orm.mapping.OneToMany;

@Entity(table = "purchase_order")
public class Order {
    @Id
    @GeneratedValue
    public Long id;

    public String code;

    @ManyToOne
    @JoinColumn(name = "customer_id")
    public Lazy<Customer> customer = Lazy.empty();

    @OneToMany(mappedBy = "order", cascade = Cascade.ALL)
    public LazyList<Item> items = LazyList.empty();

    protected Order() {}

    public Order(String code) {
        this.code = code;
    }
}
