package io.retort.examples.tour;

import io.retort.orm.mapping.Column;
import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.GeneratedValue;
import io.retort.orm.mapping.Id;
import io.retort.orm.mapping.References;

/**
 * An e-mail address of a {@link User}, mapped to {@code address}. The link to its user is a plain foreign-key
 * attribute for now; relationship attributes ({@code Lazy<User>}) come with the ORM's relationship support.
 *
 * <pre>{@code
 * session.add(new Address(sandy.id(), "sandy@sqlalchemy.org"));
 * }</pre>
 */
// tag::address-entity[]
@Entity(table = "address")
public class Address {
    @Id
    @GeneratedValue
    private Long id;

    @References("user_account.id") // orders the flush: users are inserted before their addresses
    private Long userId;

    @Column(length = 100, nullable = false)
    private String email;

    protected Address() {}

    public Address(Long userId, String email) {
        this.userId = userId;
        this.email = email;
    }
    // end::address-entity[]

    public Long id() {
        return id;
    }

    public Long userId() {
        return userId;
    }

    public String email() {
        return email;
    }

    @Override
    public String toString() {
        return "Address(id=" + id + ", userId=" + userId + ", email=" + email + ")";
    }
}
