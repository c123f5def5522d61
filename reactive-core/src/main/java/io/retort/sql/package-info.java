/** The SQL expression language: statements as immutable values, starting from {@link io.retort.sql.Sql}. */
package io.retort.sql;
