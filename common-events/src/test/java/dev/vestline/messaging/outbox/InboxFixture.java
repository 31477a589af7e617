package dev.vestline.messaging.outbox;

import java.util.UUID;

import javax.sql.DataSource;

import dev.vestline.events.EventCatalog;
import dev.vestline.messaging.EventContext;
import dev.vestline.messaging.LedgerEntryRecorded;
import dev.vestline.messaging.LedgerEvent;
import dev.vestline.messaging.inbox.Inbox;
import dev.vestline.messaging.inbox.InboxMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A consumer of ledger events through a real inbox, writing one ledger_effect row per
 * applied event.
 */
class InboxFixture {

	private final Inbox inbox;

	private final JdbcClient jdbc;

	InboxFixture(DataSource dataSource, EventCatalog catalog) {
		this.inbox = new Inbox(dataSource, new TransactionTemplate(new JdbcTransactionManager(dataSource)), catalog,
				new InboxMetrics(new SimpleMeterRegistry()));
		this.jdbc = JdbcClient.create(dataSource);
	}

	void apply(ConsumerRecord<String, byte[]> record) {
		this.inbox.receive("fixture", record, LedgerEvent.class, (event) -> {
			LedgerEntryRecorded entry = (LedgerEntryRecorded) event;
			this.jdbc.sql("""
					INSERT INTO ledger_effect (consumer, event_id, account, version, note)
					VALUES ('fixture', ?::uuid, ?, ?, ?)
					""")
				.params(EventContext.current().causationId(), entry.account(), entry.version(), entry.note())
				.update();
		});
	}

	long effects(UUID eventId) {
		return this.jdbc.sql("SELECT count(*) FROM ledger_effect WHERE event_id = ?")
			.param(eventId)
			.query(Long.class)
			.single();
	}

}
