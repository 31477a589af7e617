package dev.vestline.messaging.cloudevents;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

import com.fasterxml.uuid.Generators;
import dev.vestline.events.DomainEvent;
import dev.vestline.events.EventCatalog;
import dev.vestline.events.EventJson;
import dev.vestline.events.EventType;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;

/**
 * Builds the Kafka record another service's relay would send for an event, without an
 * outbox: for tests that play a producing service, and for tools.
 */
public final class EventRecords {

	private static final EventCatalog CATALOG = EventCatalog.v1();

	private EventRecords() {
	}

	/**
	 * @param event a v1 event
	 * @return its record, with a fresh UUIDv7 id
	 */
	public static ProducerRecord<String, byte[]> record(DomainEvent event) {
		return record(event, Generators.timeBasedEpochGenerator().generate(), null);
	}

	/**
	 * @param event a v1 event
	 * @param id the event id (reuse one to play a redelivery)
	 * @param correlationId the flow's correlation id, or {@code null} for the event's own
	 * id
	 * @return its record
	 */
	public static ProducerRecord<String, byte[]> record(DomainEvent event, UUID id, @Nullable String correlationId) {
		EventType type = CATALOG.of(event.getClass());
		EventEnvelope envelope = new EventEnvelope(id, type.source(), type.ceType(), event.aggregateId(),
				ZonedDateTime.now(ZoneOffset.UTC).toOffsetDateTime(), type.dataSchema(),
				(correlationId != null) ? correlationId : id.toString(), null, null, EventJson.write(event));
		return CloudEventsKafkaBinding.toRecord(type.topic(), envelope);
	}

}
