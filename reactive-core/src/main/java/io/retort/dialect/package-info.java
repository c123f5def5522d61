/** The dialect SPI: what differs between databases, the generic compiler and compiled statements. */
package io.retort.dialect;
