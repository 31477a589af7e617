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
import dev.vestline.messaging.EventContext;
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
		applyBatch(consumer, records, family, (events) -> {
			for (ReceivedEvent<E> event : events) {
				event.context().run(() -> handler.accept(event.event()));
			}
		}, handler);
	}

	/**
	 * Applies a polled batch in one transaction, like
	 * {@link #receiveBatch(List, Class, Consumer)}, but hands the handler all new events
	 * of the batch at once, in record order, so that it can write their effects with one
	 * statement instead of one round trip per event. Redeliveries and unknown types are
	 * left out as there. When the batch fails, each record is applied again in a
	 * transaction of its own, the handler called with that one event.
	 * <p>
	 * No {@link EventContext} is current while the handler runs (it differs per event):
	 * each {@link NewEvent} carries its own, to run appends of caused events in.
	 * @param records the batch
	 * @param family the sealed interface of the topic's events
	 * @param handler what to do with the new events; runs in the inbox transaction
	 * @param <E> the family
	 */
	public <E extends DomainEvent> void receiveAll(List<ConsumerRecord<String, byte[]>> records, Class<E> family,
			Consumer<? super List<NewEvent<E>>> handler) {
		receiveAll(consumerGroup(), records, family, handler);
	}

	/**
	 * Applies a polled batch for the named consumer; see
	 * {@link #receiveAll(List, Class, Consumer)}.
	 * @param consumer the consumer
	 * @param records the batch
	 * @param family the sealed interface of the topic's events
	 * @param handler what to do with the new events
	 * @param <E> the family
	 */
	public <E extends DomainEvent> void receiveAll(String consumer, List<ConsumerRecord<String, byte[]>> records,
			Class<E> family, Consumer<? super List<NewEvent<E>>> handler) {
		applyBatch(consumer, records, family, (events) -> {
			if (!events.isEmpty()) {
				handler.accept(events.stream().map(ReceivedEvent::asNew).toList());
			}
		}, (event) -> handler.accept(List.of(new NewEvent<>(event, EventContext.current()))));
	}

	private <E extends DomainEvent> void applyBatch(String consumer, List<ConsumerRecord<String, byte[]>> records,
			Class<E> family, Consumer<List<ReceivedEvent<E>>> batchHandler, Consumer<? super E> recordHandler) {
		try {
			this.transactions.executeWithoutResult((status) -> applyAll(consumer, records, family, batchHandler));
		}
		catch (RuntimeException batchFailed) {
			for (int i = 0; i < records.size(); i++) {
				try {
					receive(consumer, records.get(i), family, recordHandler);
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
			Class<E> family, Consumer<List<ReceivedEvent<E>>> handler) {
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
		List<ReceivedEvent<E>> fresh = new ArrayList<>(inserted.size());
		List<ReceivedEvent<E>> repeated = new ArrayList<>();
		for (ReceivedEvent<E> event : events) {
			UUID id = event.envelope().id();
			if (inserted.contains(id) && applied.add(id)) {
				fresh.add(event);
			}
			else {
				repeated.add(event);
			}
		}
		handler.accept(fresh);
		fresh.forEach((event) -> this.metrics.applied(consumer));
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
