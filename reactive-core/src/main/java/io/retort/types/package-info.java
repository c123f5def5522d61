/**
 * SQL types and their Java mappings: the generic types in {@link io.retort.types.Types}, the
 * {@link io.retort.types.SqlType} contract, user types through {@link io.retort.types.TypeConverter}, JSON through
 * a pluggable {@link io.retort.types.JsonCodec}.
 */
package io.retort.types;
