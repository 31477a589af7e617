package dev.vestline.messaging;

import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.vestline.events.EventCatalog;
import dev.vestline.messaging.inbox.Inbox;
import dev.vestline.messaging.inbox.NewEvent;
import dev.vestline.messaging.outbox.Outbox;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A minimal service using the messaging plumbing exactly as the real services do.
 */
@SpringBootApplication
public class MessagingTestApplication {

	@Bean
	EventCatalog eventCatalog() {
		return EventCatalog.v1().with(LedgerEntryRecorded.TYPE);
	}

	@Bean
	InMemorySpanExporter spans() {
		return InMemorySpanExporter.create();
	}

	/** Exports each span as it ends, so tests need not wait for a batch. */
	@Bean
	SpanProcessor exportAtOnce(InMemorySpanExporter spans) {
		return SimpleSpanProcessor.create(spans);
	}

	/**
	 * Applies ledger events, record by record, batch by batch and all of a batch at once,
	 * into ledger_effect.
	 */
	@Component
	public static class LedgerEventsListener {

		private final Inbox inbox;

		private final Outbox outbox;

		private final JdbcClient jdbc;

		/**
		 * Notes of entries that {@code ledger-projection} fails on with {@code broken:}
		 * until a test puts them here (the cause fixed, e.g. a missing row now present).
		 */
		public static final Set<String> REPAIRED = ConcurrentHashMap.newKeySet();

		/**
		 * How often {@code ledger-projection} finds the database away for an entry noted
		 * {@code database-away:}: more than the retries of any other failure.
		 */
		public static final int DATABASE_AWAY_ATTEMPTS = 8;

		private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

		LedgerEventsListener(Inbox inbox, Outbox outbox, JdbcClient jdbc) {
			this.inbox = inbox;
			this.outbox = outbox;
			this.jdbc = jdbc;
		}

		@KafkaListener(id = "ledger-projection", topics = LedgerEntryRecorded.TOPIC, groupId = "ledger-projection",
				concurrency = "2")
		void on(ConsumerRecord<String, byte[]> record) {
			this.inbox.receive(record, LedgerEvent.class, (event) -> apply("ledger-projection", event));
		}

		@KafkaListener(id = "ledger-batch", topics = LedgerEntryRecorded.TOPIC, groupId = "ledger-batch",
				batch = "true")
		void onBatch(List<ConsumerRecord<String, byte[]>> records) {
			this.inbox.receiveBatch(records, LedgerEvent.class, (event) -> apply("ledger-batch", event));
		}

		/**
		 * All new events of a batch at once, their effects written with one statement.
		 */
		@KafkaListener(id = "ledger-all", topics = LedgerEntryRecorded.TOPIC, groupId = "ledger-all", batch = "true")
		void onAll(List<ConsumerRecord<String, byte[]>> records) {
			this.inbox.receiveAll(records, LedgerEvent.class, (events) -> {
				List<String> ids = new ArrayList<>();
				List<LedgerEntryRecorded> entries = new ArrayList<>();
				for (NewEvent<LedgerEvent> event : events) {
					if (event.event() instanceof LedgerEntryRecorded entry) {
						failIfAsked("ledger-all", entry);
						ids.add(event.context().causationId());
						entries.add(entry);
					}
				}
				this.jdbc.sql("""
						INSERT INTO ledger_effect (consumer, event_id, account, version, note)
						SELECT 'ledger-all', id, account, version, note
						  FROM unnest(?::uuid[], ?::text[], ?::bigint[], ?::text[]) AS e (id, account, version, note)
						""")
					.params(ids.toArray(String[]::new),
							entries.stream().map(LedgerEntryRecorded::account).toArray(String[]::new),
							entries.stream().map(LedgerEntryRecorded::version).toArray(Long[]::new),
							entries.stream().map(LedgerEntryRecorded::note).toArray(String[]::new))
					.update();
			});
		}

		private void apply(String consumer, LedgerEvent event) {
			if (!(event instanceof LedgerEntryRecorded entry)) {
				return;
			}
			failIfAsked(consumer, entry);
			if (consumer.equals("ledger-projection") && entry.note().startsWith("echo:")) {
				// an event caused by the one consumed: published by this group's service
				this.outbox.append(new LedgerEntryRecorded(entry.account(), entry.version() + 1,
						"echoed:" + entry.note().substring("echo:".length())));
			}
			this.jdbc.sql("""
					INSERT INTO ledger_effect (consumer, event_id, account, version, note)
					VALUES (?, ?::uuid, ?, ?, ?)
					""")
				.params(consumer, EventContext.current().causationId(), entry.account(), entry.version(), entry.note())
				.update();
		}

		private void failIfAsked(String consumer, LedgerEntryRecorded entry) {
			if (entry.note().startsWith("database-away:") && consumer.equals("ledger-projection")
					&& this.failures.computeIfAbsent(consumer + entry.note(), (k) -> new AtomicInteger())
						.getAndIncrement() < DATABASE_AWAY_ATTEMPTS) {
				// what a pool says while PostgreSQL is frozen or down
				throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
						new SQLTransientConnectionException("ledger - Connection is not available"));
			}
			if (entry.note().startsWith("broken:") && consumer.equals("ledger-projection")
					&& !REPAIRED.contains(entry.note())) {
				throw new IllegalStateException("ledger-projection cannot apply " + entry.note() + " yet");
			}
			if (entry.note().equals("fail-always") || entry.note().equals("fail-once")
					&& this.failures.computeIfAbsent(consumer + entry.account(), (k) -> new AtomicInteger())
						.getAndIncrement() == 0) {
				throw new IllegalStateException("handler failed on " + entry.note());
			}
		}

	}

}
