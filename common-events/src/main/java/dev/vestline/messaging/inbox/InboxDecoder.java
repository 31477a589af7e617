package dev.vestline.messaging.inbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import dev.vestline.events.DomainEvent;
import dev.vestline.events.EventCatalog;
import dev.vestline.events.EventJson;
import dev.vestline.events.EventType;
import dev.vestline.messaging.cloudevents.CloudEventsKafkaBinding;
import dev.vestline.messaging.cloudevents.EventEnvelope;
import dev.vestline.messaging.cloudevents.UndecodableRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * Reads a consumed record into an event of the consumer's family, or says why it cannot:
 * an unknown type is skipped (a newer producer), so is a dead letter replayed for another
 * consumer group; anything unreadable is undecodable and goes to the dead-letter topic.
 */
final class InboxDecoder {

	private final EventCatalog catalog;

	private final InboxMetrics metrics;

	InboxDecoder(EventCatalog catalog, InboxMetrics metrics) {
		this.catalog = catalog;
		this.metrics = metrics;
	}

	/**
	 * @return the event, or {@code null} when its type is not one this consumer knows or
	 * it is a dead letter replayed for another consumer group
	 */
	<E extends DomainEvent> @Nullable ReceivedEvent<E> decode(String consumer, ConsumerRecord<String, byte[]> record,
			Class<E> family) {
		Header replayFor = record.headers().lastHeader(DeadLetterErrorHandler.REPLAY_FOR_HEADER);
		if (replayFor != null && !consumer.equals(new String(replayFor.value(), StandardCharsets.UTF_8))) {
			// checked before decoding: a replayed record may be one that could not be
			// decoded
			this.metrics.replayIgnored(consumer);
			return null;
		}
		EventEnvelope envelope = CloudEventsKafkaBinding.fromRecord(record);
		EventType type = this.catalog.byCeType(envelope.type()).orElse(null);
		if (type == null || !family.isAssignableFrom(type.javaType())) {
			this.metrics.skipped(consumer);
			return null;
		}
		URI schema = envelope.dataSchema();
		if (schema != null && !schema.equals(type.dataSchema())) {
			throw new UndecodableRecordException(
					"ce_dataschema " + schema + " is not the schema this consumer reads: " + type.dataSchema());
		}
		try {
			E event = family.cast(EventJson.read(envelope.data(), type.javaType()));
			return new ReceivedEvent<>(envelope, type, Objects.requireNonNull(event),
					ReceivedEvent.sha256(envelope.data()));
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			throw new UndecodableRecordException("payload of " + envelope.type() + " " + envelope.id()
					+ " does not fit its contract: " + ex.getMessage(), ex);
		}
	}

}
