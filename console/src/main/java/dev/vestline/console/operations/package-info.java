/**
 * The operations area: each service's outbox backlog, relay leader, invariants and dead
 * letters, replaying and discarding dead letters, and the audit of operator actions, all
 * read and done through the services' operations and dead-letter APIs.
 */
@NullMarked
package dev.vestline.console.operations;

import org.jspecify.annotations.NullMarked;
