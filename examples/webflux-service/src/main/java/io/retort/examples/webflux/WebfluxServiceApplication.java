package io.retort.examples.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The service's entry point. On embedded H2 (nothing to install):
 *
 * <pre>{@code
 * mvn -q -pl examples/webflux-service -am compile exec:java
 * mvn -q -pl examples/webflux-service -am compile exec:java \
 *     -Dexec.args="--retort.url=r2dbc:postgresql://postgres@127.0.0.1:5432/test"
 * curl -s localhost:8080/users
 * }</pre>
 */
@SpringBootApplication
public class WebfluxServiceApplication {
    /**
     * Starts the service.
     *
     * @param args Spring Boot arguments, e.g. {@code --retort.url=...}, {@code --server.port=...}
     */
    public static void main(String[] args) {
        SpringApplication.run(WebfluxServiceApplication.class, args);
    }
}
