package dev.vestline.messaging.outbox;

/**
 * An event larger than the outbox accepts
 * ({@code vestline.messaging.outbox.max-event-size}): refused when it is appended, so the
 * business transaction fails and nothing of it is committed, instead of a row the broker
 * would refuse for ever. Usually a text a caller sent was too long; a service answers
 * with a 4xx problem and limits that text.
 */
public class EventTooLargeException extends RuntimeException {

	private final String eventType;

	private final long size;

	private final long limit;

	EventTooLargeException(String eventType, long size, long limit) {
		super("A " + eventType + " event of " + size + " bytes is larger than the " + limit
				+ " bytes an event may have (vestline.messaging.outbox.max-event-size)");
		this.eventType = eventType;
		this.size = size;
		this.limit = limit;
	}

	/** The event's {@code ce_type}. */
	public String eventType() {
		return this.eventType;
	}

	/** The Kafka record it would have been, in bytes: key, value and headers. */
	public long size() {
		return this.size;
	}

	/** The largest record an event may be, in bytes. */
	public long limit() {
		return this.limit;
	}

}
