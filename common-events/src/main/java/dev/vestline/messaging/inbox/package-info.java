/**
 * The idempotent inbox: every consumed event is recorded by id in the same transaction as
 * its effects, so a redelivery changes nothing; what cannot be processed is
 * dead-lettered.
 */
@NullMarked
package dev.vestline.messaging.inbox;

import org.jspecify.annotations.NullMarked;
