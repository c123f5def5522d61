/** Implementation of the ORM; not public API. */
package io.retort.orm.internal;
