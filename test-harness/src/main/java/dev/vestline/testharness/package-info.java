/**
 * The shared test harness: real PostgreSQL and a real Kafka broker for every module's
 * tests, embedded by default and on Testcontainers by a switch.
 */
@NullMarked
package dev.vestline.testharness;

import org.jspecify.annotations.NullMarked;
