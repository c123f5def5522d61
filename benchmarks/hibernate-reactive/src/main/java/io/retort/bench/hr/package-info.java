/**
 * The Hibernate Reactive contender ({@link io.retort.bench.hr.HibernateReactive}) and its entities, mapped onto the
 * benchmark's tables. Loaded by {@code io.retort.bench.Isolated} in a class loader of its own (Vert.x 4.5 and its
 * Netty), sharing only the harness types, Reactor, Reactive Streams and SLF4J with the benchmark.
 */
package io.retort.bench.hr;
