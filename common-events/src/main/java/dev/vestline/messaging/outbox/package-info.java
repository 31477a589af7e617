/**
 * The transactional outbox: events appended in the business transaction, relayed to Kafka
 * by one leader per schema, in insertion order, after commit.
 */
@NullMarked
package dev.vestline.messaging.outbox;

import org.jspecify.annotations.NullMarked;
