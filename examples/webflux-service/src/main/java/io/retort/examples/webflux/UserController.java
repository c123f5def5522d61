package io.retort.examples.webflux;

import static io.retort.orm.Loading.selectinload;

import io.retort.examples.webflux.Dtos.AddressRequest;
import io.retort.examples.webflux.Dtos.AddressResponse;
import io.retort.examples.webflux.Dtos.Page;
import io.retort.examples.webflux.Dtos.SignupRequest;
import io.retort.examples.webflux.Dtos.SignupResponse;
import io.retort.examples.webflux.Dtos.UserRequest;
import io.retort.examples.webflux.Dtos.UserResponse;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The REST endpoints. Every handler runs one transaction, {@code sessions.inTransaction(...)}, that commits when
 * the handler's publisher completes and rolls back on error or when the client goes away (cancel); nothing
 * blocks.
 *
 * <pre>{@code
 * GET    /users?page=0&size=20        200 {"items": [...], "page": 0, "size": 20, "total": 3}
 * GET    /users/{id}                  200 | 404
 * POST   /users                       201 | 400 (validation) | 409 (name taken)
 * PUT    /users/{id}                  200 | 400 | 404
 * DELETE /users/{id}                  204 | 404   (its addresses too)
 * GET    /users/{id}/addresses        200 | 404
 * POST   /users/{id}/addresses        201 | 400 | 404 | 409
 * DELETE /addresses/{id}              204 | 404
 * POST   /signups                     201 | 400 | 409   (user and address: two services, one transaction)
 * }</pre>
 */
@RestController
public class UserController {
    private final SessionFactory sessions;
    private final ReactiveTransactions transactions;
    private final UserService users;
    private final AddressService addresses;

    /** Wired by Spring. */
    public UserController(
            SessionFactory sessions, ReactiveTransactions transactions, UserService users, AddressService addresses) {
        this.sessions = sessions;
        this.transactions = transactions;
        this.users = users;
        this.addresses = addresses;
    }

    /** One page of users, by id. */
    // tag::list[]
    @GetMapping("/users")
    public Mono<Page<UserResponse>> list(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > 100) {
            return Mono.error(new IllegalArgumentException(
                    "page must be >= 0 and size between 1 and 100 (got page=" + page + ", size=" + size + ")"));
        }
        return sessions.inTransaction(
                        session -> session.query(User.class).count().flatMap(total -> session.select(User.class)
                                .orderBy(User_.id)
                                .limit(size)
                                .offset(page * size)
                                .all()
                                .map(UserResponse::of)
                                .collectList()
                                .map(items -> new Page<>(items, page, size, total))))
                .single();
    }
    // end::list[]

    /** One user. */
    // tag::get[]
    @GetMapping("/users/{id}")
    public Mono<UserResponse> get(@PathVariable long id) {
        return sessions.inTransaction(session -> user(session, id).map(UserResponse::of))
                .single();
    }
    // end::get[]

    /** A new user; 409 when the name is taken. */
    // tag::create[]
    @PostMapping("/users")
    public Mono<ResponseEntity<UserResponse>> create(@Valid @RequestBody UserRequest body) {
        return sessions.inTransaction(session ->
                        users.create(body.name(), body.fullname()).contextWrite(ReactiveTransactions.with(session)))
                .single()
                .map(u -> ResponseEntity.created(URI.create("/users/" + u.id)).body(UserResponse.of(u)));
    }
    // end::create[]

    /** New values for a user. */
    @PutMapping("/users/{id}")
    public Mono<UserResponse> update(@PathVariable long id, @Valid @RequestBody UserRequest body) {
        return sessions.inTransaction(session -> user(session, id)
                        .flatMap(u -> {
                            if (u.name.equals(body.name())) {
                                return Mono.just(u);
                            }
                            return UserService.nameTaken(session, body.name())
                                    .flatMap(taken -> taken
                                            ? Mono.error(
                                                    new ConflictException("user name '" + body.name() + "' is taken"))
                                            : Mono.just(u));
                        })
                        .map(u -> {
                            u.name = body.name(); // tracked: one UPDATE at the commit
                            u.fullname = body.fullname();
                            return UserResponse.of(u);
                        }))
                .single();
    }

    /** Deletes a user and their addresses. */
    @DeleteMapping("/users/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable long id) {
        return sessions.inTransaction(session -> session.select(User.class)
                        .where(User_.id.eq(id))
                        .options(selectinload(User_.addresses))
                        .oneOrNone()
                        .switchIfEmpty(Mono.error(new NotFoundException("user", id)))
                        .doOnNext(session::delete))
                .then(Mono.just(ResponseEntity.noContent().<Void>build()));
    }

    /** A user's addresses, loaded with {@code fetch()}. */
    @GetMapping("/users/{id}/addresses")
    public Mono<List<AddressResponse>> addresses(@PathVariable long id) {
        return sessions.inTransaction(session -> user(session, id)
                        .flatMap(u -> u.addresses.fetch())
                        .map(list -> list.stream().map(AddressResponse::of).collect(Collectors.toList())))
                .single();
    }

    /** A new address of a user; 409 when the e-mail is taken. */
    @PostMapping("/users/{id}/addresses")
    public Mono<ResponseEntity<AddressResponse>> addAddress(
            @PathVariable long id, @Valid @RequestBody AddressRequest body) {
        return sessions.inTransaction(session -> user(session, id)
                        .flatMap(u -> addresses.add(u, body.email()))
                        .contextWrite(ReactiveTransactions.with(session)))
                .single()
                .map(a ->
                        ResponseEntity.created(URI.create("/addresses/" + a.id)).body(AddressResponse.of(a)));
    }

    /** Deletes one address. */
    @DeleteMapping("/addresses/{id}")
    public Mono<ResponseEntity<Void>> deleteAddress(@PathVariable long id) {
        return sessions.inTransaction(session -> session.get(Address.class, id)
                        .switchIfEmpty(Mono.error(new NotFoundException("address", id)))
                        .doOnNext(session::delete))
                .then(Mono.just(ResponseEntity.noContent().<Void>build()));
    }

    /**
     * A user and their first address, made by two services that share one transaction through the Reactor
     * Context: when the address service fails (e-mail taken), the user the first service flushed is rolled back
     * too.
     */
    // tag::signup[]
    @PostMapping("/signups")
    public Mono<ResponseEntity<SignupResponse>> signup(@Valid @RequestBody SignupRequest body) {
        return transactions
                .inTransaction(() -> users.create(body.name(), body.fullname()).flatMap(u -> addresses
                        .add(u, body.email())
                        .map(a -> new SignupResponse(UserResponse.of(u), List.of(AddressResponse.of(a))))))
                .map(r -> ResponseEntity.created(URI.create("/users/" + r.user().id()))
                        .body(r));
    }
    // end::signup[]

    private static Mono<User> user(Session session, long id) {
        return session.get(User.class, id).switchIfEmpty(Mono.error(new NotFoundException("user", id)));
    }
}
