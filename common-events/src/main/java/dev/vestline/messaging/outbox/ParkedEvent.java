package dev.vestline.messaging.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An event the broker refused again and again, parked by the relay, as an operator needs
 * to see it.
 *
 * @param eventId {@code ce_id}
 * @param type {@code ce_type}
 * @param topic the topic it goes to
 * @param key the record key, the aggregate id
 * @param parkedAt when the relay parked it
 * @param reason the broker's or the producer's refusal
 * @param refusals how often it was refused
 * @param held how many later events of the aggregate wait behind it
 */
public record ParkedEvent(UUID eventId, String type, String topic, String key, Instant parkedAt, String reason,
		int refusals, long held) {

}
