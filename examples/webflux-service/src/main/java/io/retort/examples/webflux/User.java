package io.retort.examples.webflux;

import io.retort.orm.LazyList;
import io.retort.orm.mapping.Cascade;
import io.retort.orm.mapping.Column;
import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.GeneratedValue;
import io.retort.orm.mapping.Id;
import io.retort.orm.mapping.OneToMany;

/**
 * A user of the service, mapped to {@code user_account}; deleting one deletes its addresses (cascade).
 *
 * <pre>{@code
 * session.add(new User("sandy", "Sandy Cheeks"));
 * }</pre>
 */
@Entity(table = "user_account")
public class User {
    @Id
    @GeneratedValue
    Long id;

    @Column(length = 30, nullable = false, unique = true)
    String name;

    @Column(length = 100)
    String fullname;

    @OneToMany(
            mappedBy = "user",
            cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN},
            orderBy = "id")
    LazyList<Address> addresses = LazyList.empty();

    protected User() {}

    User(String name, String fullname) {
        this.name = name;
        this.fullname = fullname;
    }
}
