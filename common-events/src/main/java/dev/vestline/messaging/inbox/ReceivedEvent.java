package dev.vestline.messaging.inbox;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import dev.vestline.events.DomainEvent;
import dev.vestline.events.EventType;
import dev.vestline.messaging.EventContext;
import dev.vestline.messaging.cloudevents.EventEnvelope;

/**
 * A consumed record, decoded: the envelope, its type in the catalogue, the event and the
 * payload's SHA-256.
 *
 * @param envelope the CloudEvent
 * @param type its catalogue entry
 * @param event the decoded payload
 * @param payloadSha256 the SHA-256 of the payload bytes
 * @param <E> the event's family
 */
record ReceivedEvent<E extends DomainEvent>(EventEnvelope envelope, EventType type, E event, byte[] payloadSha256) {

	/**
	 * @return the context that the events the handler appends inherit
	 */
	EventContext context() {
		String correlationId = (this.envelope.correlationId() != null) ? this.envelope.correlationId()
				: this.envelope.id().toString();
		return new EventContext(correlationId, this.envelope.id().toString(), this.envelope.traceparent());
	}

	NewEvent<E> asNew() {
		return new NewEvent<>(this.event, context());
	}

	static byte[] sha256(byte[] payload) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(payload);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
