package io.retort.examples.webflux;

import io.retort.orm.Session;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Users, in the transaction of the caller (the session from the Reactor Context, see
 * {@link ReactiveTransactions}).
 *
 * <pre>{@code
 * transactions.inTransaction(() -> userService.create("sandy", "Sandy Cheeks"));
 * }</pre>
 */
@Service
public class UserService {
    /**
     * A new user, flushed (its id set); a {@link ConflictException} when the name is taken.
     *
     * @param name the unique name
     * @param fullname the full name, or null
     * @return the user
     */
    // tag::create[]
    public Mono<User> create(String name, String fullname) {
        return ReactiveTransactions.inCurrentSession(session -> nameTaken(session, name)
                .flatMap(taken -> taken
                        ? Mono.error(new ConflictException("user name '" + name + "' is taken"))
                        : Mono.just(session.add(new User(name, fullname)))
                                .flatMap(user -> session.flush().thenReturn(user))));
    }
    // end::create[]

    static Mono<Boolean> nameTaken(Session session, String name) {
        return session.select(User.class).where(User_.name.eq(name)).exists();
    }
}
