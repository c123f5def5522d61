package io.retort.examples.tour;

import io.retort.orm.LazyList;
import io.retort.orm.mapping.Cascade;
import io.retort.orm.mapping.Column;
import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.GeneratedValue;
import io.retort.orm.mapping.Id;
import io.retort.orm.mapping.OneToMany;
import io.retort.orm.mapping.Version;

/**
 * A user of the tour's ORM section, mapped to {@code user_account}.
 *
 * <pre>{@code
 * User sandy = session.add(new User("sandy", "Sandy Cheeks"));   // id is set by the flush
 * }</pre>
 */
// tag::user-entity[]
@Entity(table = "user_account")
public class User {
    @Id
    @GeneratedValue // identity column: the flush writes the generated id back
    private Long id;

    @Column(length = 30, nullable = false)
    private String name;

    private String fullname; // unannotated fields map by name (snake_case)

    // the other side of Address.user; adding an address here sets its user (and the reverse)
    @OneToMany(
            mappedBy = "user",
            cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN},
            orderBy = "email")
    private LazyList<Address> addresses = LazyList.empty();

    @Version // incremented by every UPDATE; a concurrent change is a StaleDataException
    private int version;

    protected User() {} // used when loading rows; any visibility

    public User(String name, String fullname) {
        this.name = name;
        this.fullname = fullname;
    }
    // end::user-entity[]

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The user's addresses: loaded for new users, or by selectinload / joinedload / fetch(). */
    public LazyList<Address> addresses() {
        return addresses;
    }

    public String fullname() {
        return fullname;
    }

    public void fullname(String fullname) {
        this.fullname = fullname;
    }

    public int version() {
        return version;
    }

    @Override
    public String toString() {
        return "User(id=" + id + ", name=" + name + ", fullname=" + fullname + ", version=" + version + ")";
    }
}
