package dev.vestline.messaging;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.vestline.events.EventCatalog;
import dev.vestline.messaging.inbox.InboxRetention;
import dev.vestline.messaging.outbox.Outbox;
import dev.vestline.messaging.outbox.OutboxRetention;
import dev.vestline.testharness.SchemaUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention forgets only what is safe to forget: published outbox rows and inbox rows
 * past their age; never an unpublished event.
 */
class RetentionIntegrationTests {

	SchemaUnderTest schema;

	JdbcClient jdbc;

	@BeforeEach
	void setUp() {
		this.schema = SchemaUnderTest.create("ledger", "classpath:db/vestline-messaging", "classpath:db/ledger");
		this.jdbc = JdbcClient.create(this.schema.dataSource());
	}

	@AfterEach
	void tearDown() {
		this.schema.close();
	}

	@Test
	void deletesPublishedOutboxRowsPastRetentionAndKeepsEverythingElse() {
		Outbox outbox = new Outbox(this.schema.dataSource(), EventCatalog.v1().with(LedgerEntryRecorded.TYPE),
				Clock.systemUTC());
		TransactionTemplate transactions = new TransactionTemplate(
				new JdbcTransactionManager(this.schema.dataSource()));
		for (int i = 0; i < 12_000; i++) {
			long version = i;
			transactions.executeWithoutResult(
					(status) -> outbox.append(new LedgerEntryRecorded("acc-" + (version % 10), version, "old")));
		}
		// 11,000 written long ago and published, 500 written long ago and never
		// published,
		// 500 written just now and published
		this.jdbc.sql("""
				UPDATE outbox_event SET created_at = created_at - interval '10 days'
				 WHERE position IN (SELECT position FROM outbox_event ORDER BY position LIMIT 11500)
				""").update();
		this.jdbc.sql("""
				DELETE FROM outbox_pending
				 WHERE position NOT IN (SELECT position FROM outbox_event ORDER BY position OFFSET 11000 LIMIT 500)
				""").update();

		int deleted = new OutboxRetention(this.schema.dataSource())
			.deletePublishedBefore(Instant.now().minus(7, ChronoUnit.DAYS));

		assertThat(deleted).isEqualTo(11_000);
		assertThat(count("SELECT count(*) FROM outbox_event")).isEqualTo(1_000);
		assertThat(count("""
				SELECT count(*) FROM outbox_event e JOIN outbox_pending p ON p.position = e.position
				 WHERE e.created_at < now() - interval '7 days'
				""")).isEqualTo(500);
	}

	@Test
	void forgetsInboxRowsPastRetention() {
		for (int i = 0; i < 300; i++) {
			this.jdbc.sql("""
					INSERT INTO inbox_event (consumer, event_id, event_type, payload_sha256, received_at)
					VALUES ('c', ?, 't', decode(repeat('ab', 32), 'hex'), now() - (? * interval '1 day'))
					""").params(UUID.randomUUID(), (i < 200) ? 40 : 1).update();
		}
		int deleted = new InboxRetention(this.schema.dataSource())
			.deleteReceivedBefore(Instant.now().minus(30, ChronoUnit.DAYS));
		assertThat(deleted).isEqualTo(200);
		assertThat(count("SELECT count(*) FROM inbox_event")).isEqualTo(100);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
