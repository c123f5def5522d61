/**
 * The expression nodes behind {@link io.retort.sql.ColumnElement}'s operators; public only for dialect
 * compilers. Build expressions through {@link io.retort.sql.Sql}.
 */
package io.retort.sql.internal;
