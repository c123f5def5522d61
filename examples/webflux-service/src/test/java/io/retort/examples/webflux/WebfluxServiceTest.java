package io.retort.examples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The service over real HTTP (a random port) with {@link WebTestClient}. Runs on in-memory H2 only: the service
 * code is dialect-neutral and the ORM it calls is covered on PostgreSQL and MariaDB by the library's own suite.
 * The application context (and its database) is shared by the tests, so each test uses names of its own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "retort.url=r2dbc:h2:mem:///webflux_test?options=DB_CLOSE_DELAY=-1")
class WebfluxServiceTest {
    @Value("${local.server.port}")
    int port;

    @Autowired
    ReactiveTransactions transactions;

    @Autowired
    UserService userService;

    WebTestClient client;

    @BeforeEach
    void client() {
        client =
                WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    private long createUser(String name, String fullname) {
        Map<?, ?> body = client.post()
                .uri("/users")
                .bodyValue(Map.of("name", name, "fullname", fullname))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return ((Number) body.get("id")).longValue();
    }

    @Test
    void createsReadsUpdatesAndDeletesAUser() {
        long id = createUser("spongebob", "Spongebob Squarepants");
        client.get()
                .uri("/users/{id}", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(id)
                .jsonPath("$.name")
                .isEqualTo("spongebob")
                .jsonPath("$.fullname")
                .isEqualTo("Spongebob Squarepants");

        client.put()
                .uri("/users/{id}", id)
                .bodyValue(Map.of("name", "spongebob", "fullname", "SpongeBob SquarePants"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.fullname")
                .isEqualTo("SpongeBob SquarePants");
        client.get()
                .uri("/users/{id}", id)
                .exchange()
                .expectBody()
                .jsonPath("$.fullname")
                .isEqualTo("SpongeBob SquarePants");

        client.post()
                .uri("/users/{id}/addresses", id)
                .bodyValue(Map.of("email", "spongebob@sqlalchemy.org"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches("Location", "/addresses/\\d+")
                .expectBody()
                .jsonPath("$.email")
                .isEqualTo("spongebob@sqlalchemy.org");
        client.get()
                .uri("/users/{id}/addresses", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].email")
                .isEqualTo("spongebob@sqlalchemy.org");

        client.delete().uri("/users/{id}", id).exchange().expectStatus().isNoContent();
        client.get().uri("/users/{id}", id).exchange().expectStatus().isNotFound();
        client.delete().uri("/users/{id}", id).exchange().expectStatus().isNotFound();
    }

    @Test
    void addressesCanBeDeletedAndMissingOnesAre404() {
        long id = createUser("sandy", "Sandy Cheeks");
        Map<?, ?> address = client.post()
                .uri("/users/{id}/addresses", id)
                .bodyValue(Map.of("email", "sandy@squirrelpower.org"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        long addressId = ((Number) address.get("id")).longValue();
        client.delete()
                .uri("/addresses/{id}", addressId)
                .exchange()
                .expectStatus()
                .isNoContent();
        client.delete()
                .uri("/addresses/{id}", addressId)
                .exchange()
                .expectStatus()
                .isNotFound();
        client.get()
                .uri("/users/{id}/addresses", id)
                .exchange()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(0);
        client.post()
                .uri("/users/{id}/addresses", 999_999)
                .bodyValue(Map.of("email", "nobody@example.com"))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.details[0]")
                .isEqualTo("user 999999 not found");
    }

    @Test
    void paginatesByIdAndRejectsBadPages() {
        for (int i = 0; i < 5; i++) {
            createUser("page" + i, "Page " + i);
        }
        Map<?, ?> first = client.get()
                .uri("/users?page=0&size=2")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        long total = ((Number) first.get("total")).longValue();
        assertThat(total).isGreaterThanOrEqualTo(5);
        assertThat((List<?>) first.get("items")).hasSize(2);

        // walk every page: each user once, in id order
        List<Long> ids = new java.util.ArrayList<>();
        for (int page = 0; page * 2 < total; page++) {
            Map<?, ?> p = client.get()
                    .uri("/users?page={p}&size=2", page)
                    .exchange()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            for (Object item : (List<?>) p.get("items")) {
                ids.add(((Number) ((Map<?, ?>) item).get("id")).longValue());
            }
        }
        assertThat(ids).hasSize((int) total).isSorted().doesNotHaveDuplicates();

        client.get().uri("/users?size=0").exchange().expectStatus().isBadRequest();
        client.get().uri("/users?page=-1").exchange().expectStatus().isBadRequest();
        client.get().uri("/users?size=abc").exchange().expectStatus().isBadRequest();
    }

    @Test
    void validationErrorsAre400WithTheFields() {
        client.post()
                .uri("/users")
                .bodyValue(Map.of("name", "", "fullname", "x".repeat(101)))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.details[0]")
                .isEqualTo("fullname: size must be between 0 and 100")
                .jsonPath("$.details[1]")
                .isEqualTo("name: must not be blank");
        client.post()
                .uri("/signups")
                .bodyValue(Map.of("name", "plankton", "email", "not an email"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.details[0]")
                .isEqualTo("email: must be a well-formed email address");
        client.post()
                .uri("/users")
                .header("Content-Type", "application/json")
                .bodyValue("{not json")
                .exchange()
                .expectStatus()
                .isBadRequest();
        client.get().uri("/users/{id}", 424_242).exchange().expectStatus().isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void signupRunsTwoServicesInOneTransaction() {
        client.post()
                .uri("/signups")
                .bodyValue(Map.of("name", "patrick", "fullname", "Patrick Star", "email", "patrick@sqlalchemy.org"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.user.name")
                .isEqualTo("patrick")
                .jsonPath("$.addresses[0].email")
                .isEqualTo("patrick@sqlalchemy.org");

        // the address service fails after the user service flushed its INSERT: both are rolled back
        client.post()
                .uri("/signups")
                .bodyValue(Map.of("name", "patrick2", "fullname", "Patrick Again", "email", "patrick@sqlalchemy.org"))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.details[0]")
                .isEqualTo("email 'patrick@sqlalchemy.org' is taken");
        client.post()
                .uri("/signups")
                .bodyValue(Map.of("name", "patrick2", "email", "patrick2@sqlalchemy.org"))
                .exchange()
                .expectStatus()
                .isCreated(); // the name is free again: the failed signup left no user behind

        client.post()
                .uri("/users")
                .bodyValue(Map.of("name", "patrick"))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void servicesNeedATransactionInTheContextAndInnerScopesJoinTheOuterOne() {
        StepVerifier.create(userService.create("squidward", null))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("No Retort session in the Reactor Context"))
                .verify();

        // an inner inTransaction joins the outer one: same session, and the outer error rolls both back
        StepVerifier.create(transactions.inTransaction(
                        () -> ReactiveTransactions.currentSession().flatMap(outer -> transactions
                                .inTransaction(ReactiveTransactions::currentSession)
                                .map(inner -> inner == outer))))
                .expectNext(true)
                .verifyComplete();
        StepVerifier.create(transactions.inTransaction(() -> transactions
                        .inTransaction(() -> userService.create("squidward", "Squidward Tentacles"))
                        .then(Mono.error(new IllegalStateException("outer failure")))))
                .expectErrorMessage("outer failure")
                .verify();
        client.get()
                .uri("/users?size=100")
                .exchange()
                .expectBody()
                .jsonPath("$.items[?(@.name == 'squidward')]")
                .doesNotExist();
    }
}
