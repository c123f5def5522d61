/**
 * A small Spring Boot WebFlux REST service on Retort's ORM: users and addresses, one transaction per request, and
 * services that share a transaction through the Reactor Context ({@link io.retort.examples.webflux.ReactiveTransactions}).
 */
package io.retort.examples.webflux;
