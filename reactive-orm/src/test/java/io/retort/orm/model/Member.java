package io.retort.orm.model;

import io.retort.orm.mapping.Column;
import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.GeneratedValue;
import io.retort.orm.mapping.Id;
import io.retort.orm.mapping.References;
import io.retort.orm.mapping.Version;

/** A member of a team, with an identity id, a unique name, a version and a self reference (mentor). */
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

    @References("member.id")
    public Long mentorId;

    @Version
    public int version;

    protected Member() {}

    public Member(String name, Integer score) {
        this.name = name;
        this.score = score;
    }
}
