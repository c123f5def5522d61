package io.retort.examples.webflux;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Addresses, in the transaction of the caller (the session from the Reactor Context, see
 * {@link ReactiveTransactions}).
 *
 * <pre>{@code
 * transactions.inTransaction(() -> userService.create("sandy", null)
 *         .flatMap(user -> addressService.add(user, "sandy@sqlalchemy.org")));
 * }</pre>
 */
@Service
public class AddressService {
    /**
     * Adds a new address to {@code user} and flushes it; a {@link ConflictException} when another user already has
     * that e-mail, which rolls back the caller's whole transaction.
     *
     * @param user a user of the current session
     * @param email the e-mail
     * @return the address, its id set
     */
    // tag::add[]
    public Mono<Address> add(User user, String email) {
        return ReactiveTransactions.inCurrentSession(session -> session.select(Address.class)
                .where(Address_.email.eq(email))
                .exists()
                .flatMap(taken -> taken
                        ? Mono.error(new ConflictException("email '" + email + "' is taken"))
                        : user.addresses.fetch().flatMap(list -> {
                            Address address = new Address(email);
                            user.addresses.add(address); // saved with the user (cascade)
                            return session.flush().thenReturn(address);
                        })));
    }
    // end::add[]
}
