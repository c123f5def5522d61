/**
 * The code shown in README.md and docs/: each snippet is a {@code // tag::name[]} region of a class here (or of
 * the {@link io.retort.examples.Tour}), compiled by the build and checked against the Markdown by
 * {@code DocSnippetsTest}; {@code DocExamplesTest} runs them on H2.
 */
package io.retort.examples.docs;
