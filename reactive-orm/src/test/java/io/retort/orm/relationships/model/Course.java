package io.retort.orm.relationships.model;

import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.GeneratedValue;
import io.retort.orm.mapping.Id;

@Entity(table = "course")
public class Course {
    @Id
    @GeneratedValue
    public Long id;

    public String title;

    protected Course() {}

    public Course(String title) {
        this.title = title;
    }
}
