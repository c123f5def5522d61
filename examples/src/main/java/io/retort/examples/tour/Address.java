package io.retort.examples.tour;

import io.retort.orm.Lazy;
import io.retort.orm.mapping.Column;
import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.GeneratedValue;
import io.retort.orm.mapping.Id;
import io.retort.orm.mapping.JoinColumn;
import io.retort.orm.mapping.ManyToOne;

/**
 * An e-mail address of a {@link User}, mapped to {@code address}; its user is a lazy many-to-one relationship.
 *
 * <pre>{@code
 * sandy.addresses().add(new Address("sandy@sqlalchemy.org"));   // sets the address's user too
 * }</pre>
 */
// tag::address-entity[]
@Entity(table = "address")
public class Address {
    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne // the foreign key user_id; a Lazy holder: loaded explicitly, as a publisher
    @JoinColumn(name = "user_id")
    private Lazy<User> user = Lazy.empty();

    @Column(length = 100, nullable = false)
    private String email;

    protected Address() {}

    public Address(String email) {
        this.email = email;
    }
    // end::address-entity[]

    public Long id() {
        return id;
    }

    public Lazy<User> user() {
        return user;
    }

    public String email() {
        return email;
    }

    @Override
    public String toString() {
        return "Address(id=" + id + ", email=" + email + ")";
    }
}
