/** Schema objects: {@link io.retort.schema.MetaData}, {@link io.retort.schema.Table}, {@link io.retort.schema.Column}. */
package io.retort.schema;
