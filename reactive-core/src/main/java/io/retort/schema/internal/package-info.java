/** Implementation of the schema package: the engine's inspector and the create/drop planner. */
package io.retort.schema.internal;
