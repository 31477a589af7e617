package dev.vestline.messaging.inbox;

import java.util.UUID;

/**
 * An event id the consumer already applied arrived with a different payload: a producer
 * bug. The event is not applied again; it is dead-lettered for a person to look at.
 */
public class PayloadConflictException extends RuntimeException {

	public PayloadConflictException(String consumer, UUID eventId) {
		super("Event " + eventId + " was already applied by " + consumer
				+ " with a different payload; the redelivered payload is not applied");
	}

}
