/** The h2 dialect for Retort. */
package io.retort.dialects.h2;
