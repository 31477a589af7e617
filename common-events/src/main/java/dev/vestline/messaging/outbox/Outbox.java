package dev.vestline.messaging.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import dev.vestline.events.DomainEvent;
import dev.vestline.events.EventCatalog;
import dev.vestline.events.EventJson;
import dev.vestline.events.EventType;
import dev.vestline.messaging.CurrentTraceparent;
import dev.vestline.messaging.EventContext;
import dev.vestline.messaging.cloudevents.CloudEventsKafkaBinding;
import dev.vestline.messaging.cloudevents.EventEnvelope;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends events to the service's {@code outbox_event} table inside the caller's
 * transaction, so that a state change and the events it causes commit, or roll back,
 * together. The relay publishes them after commit.
 */
public class Outbox {

	/** A record's lengths, timestamp and offset deltas and attributes, at most. */
	private static final int RECORD_OVERHEAD = 21;

	/** A header's two lengths, at most. */
	private static final int HEADER_OVERHEAD = 10;

	private final OutboxQueries queries;

	private final EventCatalog catalog;

	private final Clock clock;

	private final Supplier<@Nullable String> currentTraceparent;

	/**
	 * The largest Kafka record (key, value, headers) an event may be by default: half the
	 * producer's and the broker's default {@code max.request.size} and
	 * {@code message.max.bytes} (1 MiB), so that batch overhead and a topic configured a
	 * little lower still take it. Vestline's events are a few KB.
	 */
	public static final int DEFAULT_MAX_EVENT_SIZE = 512 * 1024;

	private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

	private final int maxEventSize;

	public Outbox(DataSource dataSource, EventCatalog catalog, Clock clock) {
		this(dataSource, catalog, clock, () -> null);
	}

	/**
	 * @param currentTraceparent the traceparent of the span current when an event is
	 * appended, preferred to the {@link EventContext}'s (see {@link CurrentTraceparent})
	 */
	public Outbox(DataSource dataSource, EventCatalog catalog, Clock clock,
			Supplier<@Nullable String> currentTraceparent) {
		this(dataSource, catalog, clock, currentTraceparent, DEFAULT_MAX_EVENT_SIZE);
	}

	/**
	 * @param maxEventSize the largest Kafka record, in bytes, an event may be
	 */
	public Outbox(DataSource dataSource, EventCatalog catalog, Clock clock,
			Supplier<@Nullable String> currentTraceparent, int maxEventSize) {
		if (maxEventSize < 1) {
			throw new IllegalArgumentException("the largest event size must be at least 1 byte");
		}
		this.queries = new OutboxQueries(dataSource);
		this.catalog = catalog;
		this.clock = clock;
		this.currentTraceparent = currentTraceparent;
		this.maxEventSize = maxEventSize;
	}

	/**
	 * Appends an event; it is published once the current transaction commits.
	 * @param event the event
	 * @return its id ({@code ce_id}), a UUIDv7
	 * @throws IllegalTransactionStateException when no transaction is active: an event
	 * outside a transaction could be published for a change that never happened
	 * @throws EventTooLargeException when the event's Kafka record would be larger than
	 * the limit: the broker would refuse it, so it is refused now, before anything is
	 * written, and the transaction fails
	 */
	public UUID append(DomainEvent event) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalTransactionStateException(
					"Outbox.append needs the business transaction: call it from a @Transactional method");
		}
		EventType type = this.catalog.of(event.getClass());
		UUID id = this.ids.generate();
		EventContext context = EventContext.current();
		String correlationId = (context.correlationId() != null) ? context.correlationId() : id.toString();
		String traceparent = this.currentTraceparent.get();
		URI source = type.source();
		EventEnvelope envelope = new EventEnvelope(id, source, type.ceType(), event.aggregateId(),
				this.clock.instant().atOffset(ZoneOffset.UTC), type.dataSchema(), correlationId, context.causationId(),
				(traceparent != null) ? traceparent : context.traceparent(), EventJson.write(event));
		long size = recordSize(type.topic(), envelope);
		if (size > this.maxEventSize) {
			throw new EventTooLargeException(type.ceType(), size, this.maxEventSize);
		}
		this.queries.insert(type.topic(), envelope);
		return id;
	}

	/**
	 * The size of the record the relay will send, as the producer counts it against
	 * {@code max.request.size} (uncompressed): key, value and every header, plus the
	 * record's own overhead.
	 */
	static long recordSize(String topic, EventEnvelope envelope) {
		ProducerRecord<String, byte[]> record = CloudEventsKafkaBinding.toRecord(topic, envelope);
		long size = RECORD_OVERHEAD + envelope.data().length
				+ ((record.key() != null) ? record.key().getBytes(StandardCharsets.UTF_8).length : 0);
		for (Header header : record.headers()) {
			size += HEADER_OVERHEAD + header.key().getBytes(StandardCharsets.UTF_8).length
					+ ((header.value() != null) ? header.value().length : 0);
		}
		return size;
	}

}
