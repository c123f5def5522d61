package io.retort.examples.docs.model;

import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.Id;

/**
 * A sensor reading: a table with many rows, for the streaming example.
 *
 * <pre>{@code
 * session.select(Reading.class).stream(1000);
 * }</pre>
 */
@Entity(table = "reading")
public class Reading {
    @Id
    public Long id;

    public Double value;

    protected Reading() {}
}
