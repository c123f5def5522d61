package io.retort.orm.relationships.model;

import io.retort.orm.LazyList;
import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.GeneratedValue;
import io.retort.orm.mapping.Id;
import io.retort.orm.mapping.JoinTable;
import io.retort.orm.mapping.ManyToMany;

@Entity(table = "post")
public class Post {
    @Id
    @GeneratedValue
    public Long id;

    public String title;

    @ManyToMany(orderBy = "label")
    @JoinTable(name = "post_tag", joinColumn = "post_id", inverseJoinColumn = "tag_id")
    public LazyList<Tag> tags = LazyList.empty();

    protected Post() {}

    public Post(String title) {
        this.title = title;
    }
}
