/**
 * What an operator needs to know about a service and what they did to it: the outbox
 * backlog, the relay leader, the invariants and the dead letters in one status, and the
 * audit of every operator action taken through the API.
 */
@NullMarked
package dev.vestline.support.operations;

import org.jspecify.annotations.NullMarked;
