package io.retort.examples.tutorial;

import io.retort.orm.LazyList;
import io.retort.orm.mapping.Cascade;
import io.retort.orm.mapping.Column;
import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.GeneratedValue;
import io.retort.orm.mapping.Id;
import io.retort.orm.mapping.OneToMany;

/**
 * The tutorial's {@code User}, mapped to {@code user_account}, with its {@code addresses} (SQLAlchemy's
 * {@code relationship(back_populates="user", cascade="all, delete-orphan")}).
 *
 * <pre>{@code
 * User sandy = new User("sandy", "Sandy Cheeks");
 * sandy.addresses.add(new Address("sandy@sqlalchemy.org"));   // sets address.user too
 * session.add(sandy);                                         // the address is saved with it (cascade)
 * }</pre>
 */
// tag::user[]
@Entity(table = "user_account")
public class User {
    @Id
    @GeneratedValue
    public Long id;

    @Column(length = 30, nullable = false)
    public String name;

    public String fullname;

    @OneToMany(
            mappedBy = "user",
            cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN},
            orderBy = "id")
    public LazyList<Address> addresses = LazyList.empty();

    protected User() {}

    public User(String name, String fullname) {
        this.name = name;
        this.fullname = fullname;
    }
    // end::user[]

    @Override
    public String toString() {
        return "User(id=" + id + ", name=" + name + ", fullname=" + fullname + ")";
    }
}
