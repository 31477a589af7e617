/**
 * Wires the outbox, the inbox, dead-lettering, Kafka defaults and messaging migrations
 * into every Vestline service.
 */
@NullMarked
package dev.vestline.messaging.autoconfigure;

import org.jspecify.annotations.NullMarked;
