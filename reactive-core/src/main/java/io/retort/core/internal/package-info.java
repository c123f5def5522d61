/** Implementation of {@code io.retort.core}; not public API. */
package io.retort.core.internal;
