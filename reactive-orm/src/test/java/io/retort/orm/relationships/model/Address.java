package io.retort.orm.relationships.model;

import io.retort.orm.Lazy;
import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.GeneratedValue;
import io.retort.orm.mapping.Id;
import io.retort.orm.mapping.JoinColumn;
import io.retort.orm.mapping.ManyToOne;

@Entity(table = "address")
public class Address {
    @Id
    @GeneratedValue
    public Long id;

    public String email;

    @ManyToOne
    @JoinColumn(name = "customer_id")
    public Lazy<Customer> customer = Lazy.empty();

    protected Address() {}

    public Address(String email) {
        this.email = email;
    }
}
