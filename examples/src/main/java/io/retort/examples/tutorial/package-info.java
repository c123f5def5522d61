/**
 * The tutorial: SQLAlchemy 2.0's unified tutorial and ORM quickstart written with Retort, each step a method
 * returning a publisher ({@link io.retort.examples.tutorial.Tutorial}).
 */
package io.retort.examples.tutorial;
