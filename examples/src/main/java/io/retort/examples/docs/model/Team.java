package io.retort.examples.docs.model;

import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.Id;

/**
 * A team, used by the query docs' examples.
 *
 * <pre>{@code
 * session.add(new Team(1L, "krusty krab"));
 * }</pre>
 */
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
