package io.retort.orm.relationships.model;

import io.retort.orm.LazyList;
import io.retort.orm.mapping.Cascade;
import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.GeneratedValue;
import io.retort.orm.mapping.Id;
import io.retort.orm.mapping.OneToMany;

/** One side of the association-object pattern (Student - Enrolment - Course). */
@Entity(table = "student")
public class Student {
    @Id
    @GeneratedValue
    public Long id;

    public String name;

    @OneToMany(
            mappedBy = "student",
            cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    public LazyList<Enrolment> enrolments = LazyList.empty();

    protected Student() {}

    public Student(String name) {
        this.name = name;
    }
}
