package io.retort.orm.relationships.model;

import io.retort.orm.LazyList;
import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.GeneratedValue;
import io.retort.orm.mapping.Id;
import io.retort.orm.mapping.ManyToMany;

@Entity(table = "tag")
public class Tag {
    @Id
    @GeneratedValue
    public Long id;

    public String label;

    @ManyToMany(mappedBy = "tags")
    public LazyList<Post> posts = LazyList.empty();

    protected Tag() {}

    public Tag(String label) {
        this.label = label;
    }
}
