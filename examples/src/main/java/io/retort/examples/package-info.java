/** Runnable examples: the tour on embedded H2. */
package io.retort.examples;
