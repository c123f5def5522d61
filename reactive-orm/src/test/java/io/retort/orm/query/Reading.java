package io.retort.orm.query;

import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.Id;

/** A sensor reading: the entity of the streaming tests (a million rows of it). */
@Entity(table = "reading")
public class Reading {
    @Id
    public Long id;

    public String sensor;

    public Integer value;

    protected Reading() {}
}
