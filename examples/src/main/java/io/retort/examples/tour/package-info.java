/**
 * The mapped classes of the tour's ORM section: {@link io.retort.examples.tour.User} and
 * {@link io.retort.examples.tour.Address}.
 */
package io.retort.examples.tour;
