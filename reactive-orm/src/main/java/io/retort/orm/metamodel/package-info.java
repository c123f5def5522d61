/** The typed metamodel: {@link io.retort.orm.metamodel.Attribute}s generated as {@code User_.name}. */
package io.retort.orm.metamodel;
