package io.retort.orm.relationships.model;

import io.retort.orm.Lazy;
import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.GeneratedValue;
import io.retort.orm.mapping.Id;
import io.retort.orm.mapping.JoinColumn;
import io.retort.orm.mapping.ManyToOne;

/** The association object: a row linking a student and a course, with data of its own. */
@Entity(table = "enrolment")
public class Enrolment {
    @Id
    @GeneratedValue
    public Long id;

    @ManyToOne
    @JoinColumn(name = "student_id", nullable = false)
    public Lazy<Student> student = Lazy.empty();

    @ManyToOne
    @JoinColumn(name = "course_id", nullable = false)
    public Lazy<Course> course = Lazy.empty();

    public Integer grade;

    protected Enrolment() {}

    public Enrolment(Course course, int grade) {
        this.course = Lazy.of(course);
        this.grade = grade;
    }
}
