/** Entities used by the query docs' examples. */
package io.retort.examples.docs.model;
