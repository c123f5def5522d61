package io.retort.orm.model;

import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.Id;

/** A team with an application-assigned id. */
@Entity(table = "team")
public class Team {
    @Id
    public Long id;

    public String title;

    protected Team() {}

    public Team(Long id, String title) {
        this.id = id;
        this.title = title;
    }
}
