package io.retort.orm.model;

import io.retort.orm.mapping.Column;
import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.GeneratedValue;
import io.retort.orm.mapping.Id;
import io.retort.orm.mapping.Transient;

@Entity(table = "user_account")
public class User {
    @Id
    @GeneratedValue
    Long id;

    @Column(length = 30, nullable = false)
    String name;

    String fullname;

    @Transient
    String scratch;

    static int notMapped;

    protected User() {}

    public User(String name, String fullname) {
        this.name = name;
        this.fullname = fullname;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String fullname() {
        return fullname;
    }

    public void fullname(String f) {
        this.fullname = f;
    }
}
