/** The plain objects every contender maps rows to (Spring Data maps {@link io.retort.bench.model.Item} directly). */
package io.retort.bench.model;
