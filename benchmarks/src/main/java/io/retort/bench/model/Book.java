package io.retort.bench.model;

import java.math.BigDecimal;

/** A book of W5's object graph. */
public final class Book {
    public int id;
    public int authorId;
    public String title;
    public BigDecimal price;

    public Book(int id, int authorId, String title, BigDecimal price) {
        this.id = id;
        this.authorId = authorId;
        this.title = title;
        this.price = price;
    }
}
