/** The engine, connections, transactions, rows, statement events and Retort's exceptions. */
package io.retort.core;
