package dev.vestline.messaging.outbox;

import java.net.URI;
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
import dev.vestline.messaging.cloudevents.EventEnvelope;
import org.jspecify.annotations.Nullable;

import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends events to the service's {@code outbox_event} table inside the caller's
 * transaction, so that a state change and the events it causes commit, or roll back,
 * together. The relay publishes them after commit.
 */
public class Outbox {

	private final OutboxQueries queries;

	private final EventCatalog catalog;

	private final Clock clock;

	private final Supplier<@Nullable String> currentTraceparent;

	private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

	public Outbox(DataSource dataSource, EventCatalog catalog, Clock clock) {
		this(dataSource, catalog, clock, () -> null);
	}

	/**
	 * @param currentTraceparent the traceparent of the span current when an event is
	 * appended, preferred to the {@link EventContext}'s (see {@link CurrentTraceparent})
	 */
	public Outbox(DataSource dataSource, EventCatalog catalog, Clock clock,
			Supplier<@Nullable String> currentTraceparent) {
		this.queries = new OutboxQueries(dataSource);
		this.catalog = catalog;
		this.clock = clock;
		this.currentTraceparent = currentTraceparent;
	}

	/**
	 * Appends an event; it is published once the current transaction commits.
	 * @param event the event
	 * @return its id ({@code ce_id}), a UUIDv7
	 * @throws IllegalTransactionStateException when no transaction is active: an event
	 * outside a transaction could be published for a change that never happened
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
		this.queries.insert(type.topic(), new EventEnvelope(id, source, type.ceType(), event.aggregateId(),
				this.clock.instant().atOffset(ZoneOffset.UTC), type.dataSchema(), correlationId, context.causationId(),
				(traceparent != null) ? traceparent : context.traceparent(), EventJson.write(event)));
		return id;
	}

}
