/**
 * Schema objects and DDL: {@link io.retort.schema.MetaData}, {@link io.retort.schema.Table},
 * {@link io.retort.schema.Column}, constraints, {@link io.retort.schema.Index}, {@link io.retort.schema.Sequence},
 * DDL statements and the {@link io.retort.schema.Inspector} for reflection.
 */
package io.retort.schema;
