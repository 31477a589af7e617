package dev.vestline.support.mail;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.vestline.testharness.SchemaUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Retention forgets mail that was sent long ago, with its files, and the bounces read
 * long ago; it keeps what is still pending and what staff still have to handle (failed,
 * bounced), and it forgets each row once however many replicas run it.
 */
class MailRetentionIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

	private static final Instant CUTOFF = NOW.minus(Duration.ofDays(90));

	SchemaUnderTest schema;

	JdbcClient jdbc;

	@BeforeEach
	void setUp() {
		this.schema = SchemaUnderTest.create("mail", MailAutoConfiguration.MIGRATIONS);
		this.jdbc = JdbcClient.create(this.schema.dataSource());
	}

	@AfterEach
	void tearDown() {
		this.schema.close();
	}

	@Test
	void forgetsMailSentBeforeTheCutoffWithItsFilesAndOldBouncesAndKeepsWhatStaffStillNeed() {
		mails(3, "SENT", 120);
		mails(2, "SENT", 30);
		mails(1, "PENDING", 120);
		mails(1, "FAILED", 120);
		mails(1, "BOUNCED", 120);
		bounces(4, 120);
		bounces(2, 30);

		MailRetention.Forgotten forgotten = new MailRetention(new MailQueries(this.schema.dataSource()))
			.forgetBefore(CUTOFF);

		assertThat(forgotten.mails()).isEqualTo(3);
		assertThat(forgotten.bounces()).isEqualTo(4);
		assertThat(this.jdbc.sql("SELECT status || ':' || count(*) FROM mail_outbox GROUP BY status ORDER BY status")
			.query(String.class)
			.list()).containsExactly("BOUNCED:1", "FAILED:1", "PENDING:1", "SENT:2");
		assertThat(this.jdbc.sql("SELECT count(*) FROM mail_attachment").query(Integer.class).single())
			.as("the files of the forgotten mail go with it")
			.isEqualTo(5);
		assertThat(this.jdbc.sql("SELECT count(*) FROM mail_bounce").query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void forgetsEachMailOnceWhenThreeReplicasRunAtOnce() throws Exception {
		mails(2_500, "SENT", 120);
		bounces(1_500, 120);
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			CyclicBarrier start = new CyclicBarrier(3);
			List<Future<MailRetention.Forgotten>> replicas = List.of(1, 2, 3)
				.stream()
				.map((replica) -> pool.submit(() -> {
					start.await(30, TimeUnit.SECONDS);
					return new MailRetention(new MailQueries(this.schema.dataSource())).forgetBefore(CUTOFF);
				}))
				.toList();
			int mails = 0;
			int bounces = 0;
			for (Future<MailRetention.Forgotten> replica : replicas) {
				MailRetention.Forgotten forgotten = replica.get(120, TimeUnit.SECONDS);
				mails += forgotten.mails();
				bounces += forgotten.bounces();
			}
			assertThat(mails).isEqualTo(2_500);
			assertThat(bounces).isEqualTo(1_500);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM mail_outbox").query(Integer.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM mail_attachment").query(Integer.class).single()).isZero();
	}

	@Test
	void refusesARetentionThatAnEventRedeliveredWithinTheInboxRetentionWouldOutlive() {
		assertThatIllegalStateException()
			.isThrownBy(() -> MailRetention.requireLongerThanInbox(Duration.ofDays(20), Duration.ofDays(30)))
			.withMessageContaining("vestline.mail.retention (PT480H)")
			.withMessageContaining("vestline.messaging.inbox.retention (PT720H)");
		MailRetention.requireLongerThanInbox(Duration.ofDays(90), Duration.ofDays(30));
	}

	/** Mails in a status, {@code daysOld} days before now, each with one file. */
	private void mails(int count, String status, int daysOld) {
		Instant at = NOW.minus(Duration.ofDays(daysOld));
		this.jdbc.sql("""
				INSERT INTO mail_outbox (id, message_id, kind, about, revision, recipient, subject, body_text, status,
				                         next_attempt_at, created_at, sent_at, failed_at, bounced_at)
				SELECT gen_random_uuid(), 'retention-' || s.status || '-' || :days || '-' || n || '@vestline.test',
				       'test', 'about-' || n, 1, 'someone@vestline.test', 'subject', 'text', s.status, s.at, s.at,
				       CASE WHEN s.status IN ('SENT', 'BOUNCED') THEN s.at END,
				       CASE WHEN s.status = 'FAILED' THEN s.at END,
				       CASE WHEN s.status = 'BOUNCED' THEN s.at END
				  FROM generate_series(1, :count) n,
				       (SELECT CAST(:status AS text) AS status, CAST(:at AS timestamptz) AS at) s
				""")
			.param("status", status)
			.param("days", daysOld)
			.param("at", Timestamp.from(at))
			.param("count", count)
			.update();
		this.jdbc.sql("""
				INSERT INTO mail_attachment (mail_id, position, filename, content_type, content)
				SELECT id, 0, 'file.pdf', 'application/pdf', '\\x255044462d'::bytea FROM mail_outbox
				 WHERE NOT EXISTS (SELECT 1 FROM mail_attachment a WHERE a.mail_id = mail_outbox.id)
				""").update();
	}

	private void bounces(int count, int daysOld) {
		this.jdbc.sql("""
				INSERT INTO mail_bounce (bounce_id, original_message_id, diagnostic, read_at)
				SELECT 'bounce-' || :days || '-' || n, NULL, '550 unknown user', :at FROM generate_series(1, :count) n
				""")
			.param("days", daysOld)
			.param("at", Timestamp.from(NOW.minus(Duration.ofDays(daysOld))))
			.param("count", count)
			.update();
	}

}
