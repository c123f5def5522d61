package io.retort.orm.model;

import io.retort.orm.mapping.Convert;
import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.GeneratedValue;
import io.retort.orm.mapping.GenerationType;
import io.retort.orm.mapping.Id;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Every kind of mapped type the ORM supports, created with createAll. */
@Entity(table = "product")
public class Product {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    public String name;

    @Convert(MoneyType.class)
    public Money price;

    public LocalDate launched;

    public OffsetDateTime updatedAt;

    public Double weight;

    public byte[] thumbnail;

    public Note.Kind kind;

    protected Product() {}

    public Product(String name, Money price) {
        this.name = name;
        this.price = price;
    }
}
