/** Mapping annotations and the naming strategy: how Java classes map to tables. */
package io.retort.orm.mapping;
