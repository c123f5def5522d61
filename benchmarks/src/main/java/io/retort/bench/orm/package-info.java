/** The entities Retort ORM maps the benchmark's tables to; their metamodel ({@code OrmAuthor_}) is generated. */
package io.retort.bench.orm;
