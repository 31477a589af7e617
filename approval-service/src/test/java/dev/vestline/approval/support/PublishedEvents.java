package dev.vestline.approval.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.vestline.events.DomainEvent;
import dev.vestline.events.EventCatalog;
import dev.vestline.events.EventJson;
import dev.vestline.events.EventType;
import dev.vestline.events.Topics;
import dev.vestline.messaging.cloudevents.CloudEventsKafkaBinding;
import dev.vestline.messaging.cloudevents.EventEnvelope;
import dev.vestline.testharness.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the service published on {@code approval.events}, read from Kafka: an approval's
 * events once every outbox row written for it has arrived.
 */
public final class PublishedEvents implements AutoCloseable {

	private static final EventCatalog CATALOG = EventCatalog.v1();

	private final TopicReader reader;

	private final JdbcClient jdbc;

	public PublishedEvents(String bootstrapServers, JdbcClient jdbc) {
		this.reader = new TopicReader(bootstrapServers, Topics.APPROVAL);
		this.jdbc = jdbc;
	}

	/**
	 * @return the approval's events in publication order, each once
	 */
	public List<DomainEvent> of(UUID approval) {
		long written = this.jdbc.sql("SELECT count(*) FROM outbox_event WHERE record_key = :key")
			.param("key", approval.toString())
			.query(Long.class)
			.single();
		List<ConsumerRecord<String, byte[]>> all = this.reader
			.readUntil((records) -> distinct(records, approval).size() >= written, Duration.ofMinutes(2));
		return distinct(all, approval);
	}

	public <E extends DomainEvent> List<E> of(UUID approval, Class<E> type) {
		return of(approval).stream().filter(type::isInstance).map(type::cast).toList();
	}

	private static List<DomainEvent> distinct(List<ConsumerRecord<String, byte[]>> records, UUID approval) {
		Set<UUID> seen = new HashSet<>();
		List<DomainEvent> events = new ArrayList<>();
		for (ConsumerRecord<String, byte[]> record : records) {
			if (approval.toString().equals(record.key())) {
				EventEnvelope envelope = CloudEventsKafkaBinding.fromRecord(record);
				if (seen.add(envelope.id())) {
					EventType type = CATALOG.byCeType(envelope.type()).orElseThrow();
					events.add(EventJson.read(envelope.data(), type.javaType()));
				}
			}
		}
		return events;
	}

	@Override
	public void close() {
		this.reader.close();
	}

}
