package io.retort.orm.model;

import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.GeneratedValue;
import io.retort.orm.mapping.GenerationType;
import io.retort.orm.mapping.Id;

/** An id drawn from a database sequence. */
@Entity(table = "invoice")
public class Invoice {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, sequence = "invoice_numbers")
    public Long number;

    public String customer;

    protected Invoice() {}

    public Invoice(String customer) {
        this.customer = customer;
    }
}
