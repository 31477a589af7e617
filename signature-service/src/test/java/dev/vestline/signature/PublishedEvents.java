package dev.vestline.signature;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import dev.vestline.events.DomainEvent;
import dev.vestline.events.EventCatalog;
import dev.vestline.events.EventJson;
import dev.vestline.events.Topics;
import dev.vestline.messaging.cloudevents.CloudEventsKafkaBinding;
import dev.vestline.messaging.cloudevents.EventEnvelope;
import dev.vestline.testharness.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the service published on {@code signature.events}, read back from the broker and
 * decoded as any consumer would.
 */
public final class PublishedEvents {

	private static final EventCatalog CATALOG = EventCatalog.v1();

	private PublishedEvents() {
	}

	/**
	 * Reads until the decoded events satisfy the condition.
	 */
	public static List<DomainEvent> await(String bootstrapServers, Predicate<List<DomainEvent>> condition) {
		try (TopicReader reader = new TopicReader(bootstrapServers, Topics.SIGNATURE)) {
			return decode(reader.readUntil((records) -> condition.test(decode(records)), Duration.ofMinutes(2)));
		}
	}

	public static List<DomainEvent> decode(List<ConsumerRecord<String, byte[]>> records) {
		return records.stream().map(PublishedEvents::decode).toList();
	}

	static DomainEvent decode(ConsumerRecord<String, byte[]> record) {
		EventEnvelope envelope = CloudEventsKafkaBinding.fromRecord(record);
		return EventJson.read(envelope.data(), CATALOG.byCeType(envelope.type()).orElseThrow().javaType());
	}

	public static <E> List<E> ofType(List<DomainEvent> events, Class<E> type) {
		return events.stream().filter(type::isInstance).map(type::cast).toList();
	}

}
