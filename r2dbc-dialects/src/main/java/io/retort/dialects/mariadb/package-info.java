/** The mariadb dialect for Retort. */
package io.retort.dialects.mariadb;
