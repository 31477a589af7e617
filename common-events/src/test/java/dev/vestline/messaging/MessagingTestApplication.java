package dev.vestline.messaging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.vestline.events.EventCatalog;
import dev.vestline.messaging.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	/** Applies ledger events, record by record and batch by batch, into ledger_effect. */
	@Component
	static class LedgerEventsListener {

		private final Inbox inbox;

		private final JdbcClient jdbc;

		private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

		LedgerEventsListener(Inbox inbox, JdbcClient jdbc) {
			this.inbox = inbox;
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

		private void apply(String consumer, LedgerEvent event) {
			if (!(event instanceof LedgerEntryRecorded entry)) {
				return;
			}
			if (entry.note().equals("fail-always") || entry.note().equals("fail-once")
					&& failures.computeIfAbsent(consumer + entry.account(), (k) -> new AtomicInteger())
						.getAndIncrement() == 0) {
				throw new IllegalStateException("handler failed on " + entry.note());
			}
			this.jdbc.sql("""
					INSERT INTO ledger_effect (consumer, event_id, account, version, note)
					VALUES (?, ?::uuid, ?, ?, ?)
					""")
				.params(consumer, EventContext.current().causationId(), entry.account(), entry.version(), entry.note())
				.update();
		}

	}

}
