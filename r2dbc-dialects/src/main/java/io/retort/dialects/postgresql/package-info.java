/** The postgresql dialect for Retort. */
package io.retort.dialects.postgresql;
