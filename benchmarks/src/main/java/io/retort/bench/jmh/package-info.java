/** JMH micro-benchmarks (W6): statement build and compile cost, run with {@code benchmarks.jar --jmh}. */
package io.retort.bench.jmh;
