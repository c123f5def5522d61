package io.retort.orm.relationships.model;

import io.retort.orm.LazyList;
import io.retort.orm.mapping.Cascade;
import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.GeneratedValue;
import io.retort.orm.mapping.Id;
import io.retort.orm.mapping.OneToMany;

@Entity(table = "customer")
public class Customer {
    @Id
    @GeneratedValue
    public Long id;

    public String name;

    @OneToMany(
            mappedBy = "customer",
            cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN},
            orderBy = "email")
    public LazyList<Address> addresses = LazyList.empty();

    @OneToMany(mappedBy = "customer", cascade = Cascade.ALL)
    public LazyList<Order> orders = LazyList.empty();

    protected Customer() {}

    public Customer(String name) {
        this.name = name;
    }
}
