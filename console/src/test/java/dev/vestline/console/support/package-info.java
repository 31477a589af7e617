/**
 * What the console's tests run against: the identity provider and approval-service as
 * processes, on real PostgreSQL and Kafka, and people using the console.
 */
@NullMarked
package dev.vestline.console.support;

import org.jspecify.annotations.NullMarked;
