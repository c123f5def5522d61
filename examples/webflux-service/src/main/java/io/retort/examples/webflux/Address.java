package io.retort.examples.webflux;

import io.retort.orm.Lazy;
import io.retort.orm.mapping.Column;
import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.GeneratedValue;
import io.retort.orm.mapping.Id;
import io.retort.orm.mapping.JoinColumn;
import io.retort.orm.mapping.ManyToOne;

/**
 * An e-mail address of a {@link User}, mapped to {@code address}.
 *
 * <pre>{@code
 * user.addresses.add(new Address("sandy@sqlalchemy.org"));   // saved with the user (cascade)
 * }</pre>
 */
@Entity(table = "address")
public class Address {
    @Id
    @GeneratedValue
    Long id;

    @Column(length = 100, nullable = false, unique = true)
    String email;

    @ManyToOne
    @JoinColumn(name = "user_id")
    Lazy<User> user = Lazy.empty();

    protected Address() {}

    Address(String email) {
        this.email = email;
    }
}
