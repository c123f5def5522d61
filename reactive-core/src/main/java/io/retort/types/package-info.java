/** SQL types and their Java mappings: {@link io.retort.types.Types}, {@link io.retort.types.SqlType}. */
package io.retort.types;
