package io.retort.orm.model;

import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.Id;

/** Composite primary key. */
@Entity(table = "enrollment")
public class Enrollment {
    @Id
    public Long studentId;

    @Id
    public String course;

    public Integer grade;

    protected Enrollment() {}

    public Enrollment(Long studentId, String course, Integer grade) {
        this.studentId = studentId;
        this.course = course;
        this.grade = grade;
    }
}
