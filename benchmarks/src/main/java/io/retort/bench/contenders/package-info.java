/** The libraries under test, each running every workload its own best way on a pool of the same size. */
package io.retort.bench.contenders;
