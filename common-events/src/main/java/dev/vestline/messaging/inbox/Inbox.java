package dev.vestline.messaging.inbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.vestline.events.DomainEvent;
import dev.vestline.events.EventCatalog;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies consumed events exactly once per consumer. For each record, in ONE database
 * transaction: insert the event id into {@code inbox_event} (ON CONFLICT DO NOTHING); if
 * it is new, run the handler; commit. The listener container commits the Kafka offset
 * only after that. A redelivery with the same payload is skipped; the same id with a
 * different payload is refused and dead-lettered; an unknown event type is skipped (a
 * newer producer).
 * <p>
 * Call it from a {@code @KafkaListener} whose container uses the error handler of
 * {@link DeadLetterErrorHandler}; the consumer name defaults to the listener's group id.
 */
public class Inbox {

	private final InboxQueries queries;

	private final TransactionTemplate transactions;

	private final InboxDecoder decoder;

	private final Redeliveries redeliveries;

	private final InboxMetrics metrics;

	public Inbox(DataSource dataSource, TransactionTemplate transactions, EventCatalog catalog, InboxMetrics metrics) {
		this.queries = new InboxQueries(dataSource);
		this.transactions = transactions;
		this.decoder = new InboxDecoder(catalog, metrics);
		this.redeliveries = new Redeliveries(this.queries, metrics);
		this.metrics = metrics;
	}

	/**
	 * Applies one record for the listener's consumer group.
	 * @param record the record, value as bytes
	 * @param family the sealed interface of the topic's events
	 * @param handler what to do with a new event; runs in the inbox transaction
	 * @param <E> the family
	 */
	public <E extends DomainEvent> void receive(ConsumerRecord<String, byte[]> record, Class<E> family,
			Consumer<? super E> handler) {
		receive(consumerGroup(), record, family, handler);
	}

	/**
	 * Applies one record for the named consumer.
	 * @param consumer the consumer, usually the group id
	 * @param record the record
	 * @param family the sealed interface of the topic's events
	 * @param handler what to do with a new event; runs in the inbox transaction
	 * @param <E> the family
	 */
	public <E extends DomainEvent> void receive(String consumer, ConsumerRecord<String, byte[]> record, Class<E> family,
			Consumer<? super E> handler) {
		ReceivedEvent<E> event = this.decoder.decode(consumer, record, family);
		if (event != null) {
			this.transactions.executeWithoutResult((status) -> apply(consumer, event, handler));
		}
	}

	/**
	 * Applies a polled batch in one transaction, for throughput. When any record fails,
	 * the batch is applied again one transaction per record, so that the records before
	 * the bad one commit and the container retries or dead-letters only that one.
	 * @param records the batch
	 * @param family the sealed interface of the topic's events
	 * @param handler what to do with each new event
	 * @param <E> the family
	 */
	public <E extends DomainEvent> void receiveBatch(List<ConsumerRecord<String, byte[]>> records, Class<E> family,
			Consumer<? super E> handler) {
		receiveBatch(consumerGroup(), records, family, handler);
	}

	/**
	 * Applies a polled batch for the named consumer; see
	 * {@link #receiveBatch(List, Class, Consumer)}.
	 * @param consumer the consumer
	 * @param records the batch
	 * @param family the sealed interface of the topic's events
	 * @param handler what to do with each new event
	 * @param <E> the family
	 */
	public <E extends DomainEvent> void receiveBatch(String consumer, List<ConsumerRecord<String, byte[]>> records,
			Class<E> family, Consumer<? super E> handler) {
		try {
			this.transactions.executeWithoutResult((status) -> applyAll(consumer, records, family, handler));
		}
		catch (RuntimeException batchFailed) {
			for (int i = 0; i < records.size(); i++) {
				try {
					receive(consumer, records.get(i), family, handler);
				}
				catch (RuntimeException ex) {
					throw new BatchListenerFailedException(ex.getMessage(), ex, i);
				}
			}
		}
	}

	private <E extends DomainEvent> void apply(String consumer, ReceivedEvent<E> event, Consumer<? super E> handler) {
		if (this.queries.insert(consumer, event)) {
			event.context().run(() -> handler.accept(event.event()));
			this.metrics.applied(consumer);
		}
		else {
			this.redeliveries.refuseConflict(consumer, event);
		}
	}

	private <E extends DomainEvent> void applyAll(String consumer, List<ConsumerRecord<String, byte[]>> records,
			Class<E> family, Consumer<? super E> handler) {
		List<ReceivedEvent<E>> events = new ArrayList<>(records.size());
		for (ConsumerRecord<String, byte[]> record : records) {
			ReceivedEvent<E> event = this.decoder.decode(consumer, record, family);
			if (event != null) {
				events.add(event);
			}
		}
		if (events.isEmpty()) {
			return;
		}
		Set<UUID> inserted = this.queries.insertAll(consumer, events);
		Set<UUID> applied = new HashSet<>();
		List<ReceivedEvent<E>> repeated = new ArrayList<>();
		for (ReceivedEvent<E> event : events) {
			UUID id = event.envelope().id();
			if (inserted.contains(id) && applied.add(id)) {
				event.context().run(() -> handler.accept(event.event()));
				this.metrics.applied(consumer);
			}
			else {
				repeated.add(event);
			}
		}
		this.redeliveries.refuseConflicts(consumer, events, repeated);
	}

	private static String consumerGroup() {
		String group = KafkaUtils.getConsumerGroupId();
		if (group == null) {
			throw new IllegalStateException("No consumer group on this thread: call Inbox from a @KafkaListener "
					+ "or name the consumer explicitly");
		}
		return group;
	}

}
