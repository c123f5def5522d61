package io.retort.examples.tutorial;

import io.retort.orm.Lazy;
import io.retort.orm.mapping.Column;
import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.GeneratedValue;
import io.retort.orm.mapping.Id;
import io.retort.orm.mapping.JoinColumn;
import io.retort.orm.mapping.ManyToOne;

/**
 * The tutorial's {@code Address}, mapped to {@code address}; {@code user} is the many-to-one side of
 * {@link User#addresses}, a {@code Lazy<User>} that loads with {@code fetch()}.
 *
 * <pre>{@code
 * address.user.fetch().map(user -> user.name);   // Mono<String>, one SELECT unless already loaded
 * }</pre>
 */
// tag::address[]
@Entity(table = "address")
public class Address {
    @Id
    @GeneratedValue
    public Long id;

    @Column(length = 100, nullable = false)
    public String emailAddress;

    @ManyToOne
    @JoinColumn(name = "user_id")
    public Lazy<User> user = Lazy.empty();

    protected Address() {}

    public Address(String emailAddress) {
        this.emailAddress = emailAddress;
    }
    // end::address[]

    @Override
    public String toString() {
        return "Address(id=" + id + ", emailAddress=" + emailAddress + ")";
    }
}
