/**
 * Retort's ORM: mapping, the reactive {@code Session}, identity map, unit of work and relationship loaders,
 * built on Retort Core. (Being built: see the ORM issues.)
 */
package io.retort.orm;
