package io.retort.examples.docs.model;

import io.retort.orm.mapping.Column;
import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.GeneratedValue;
import io.retort.orm.mapping.Id;
import io.retort.orm.mapping.References;
import io.retort.orm.mapping.Version;

/**
 * The member of a team, used by the query docs' examples.
 *
 * <pre>{@code
 * session.add(new Member("sandy", 95));
 * }</pre>
 */
@Entity(table = "member")
public class Member {
    @Id
    @GeneratedValue
    public Long id;

    @Column(length = 40, nullable = false, unique = true)
    public String name;

    public Integer score;

    @References("team.id")
    public Long teamId;

    @Version
    public int version;

    protected Member() {}

    public Member(String name, Integer score) {
        this.name = name;
        this.score = score;
    }
}
