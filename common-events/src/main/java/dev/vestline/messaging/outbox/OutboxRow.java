package dev.vestline.messaging.outbox;

import java.time.Instant;

import dev.vestline.messaging.cloudevents.EventEnvelope;

/**
 * One row of {@code outbox_event}: an event waiting for, or past, its trip to Kafka.
 *
 * @param position the insertion order
 * @param topic the topic it goes to
 * @param envelope the event
 * @param createdAt when the row was written
 * @param held whether an earlier event of its aggregate is parked: it must wait behind it
 */
record OutboxRow(long position, String topic, EventEnvelope envelope, Instant createdAt, boolean held) {

}
