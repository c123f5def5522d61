/**
 * The benchmark harness of issue 9: workloads W1-W5 run against raw R2DBC, Retort Core, Retort ORM and the peers on one
 * PostgreSQL database, with warm-up, alternating timed runs and a table of medians, ratios, CPU, heap and
 * statement counts. Entry point {@link io.retort.bench.Main}.
 */
package io.retort.bench;
