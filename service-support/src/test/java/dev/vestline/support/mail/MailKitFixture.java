package dev.vestline.support.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The kit's parts wired by hand over one schema, with a clock the test moves.
 */
final class MailKitFixture {

	final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T10:00:00Z"));

	final MailProperties properties;

	final MailQueries queries;

	final MailOutbox outbox;

	final FailedMails failed;

	final TransactionTemplate transactions;

	private final DataSource dataSource;

	MailKitFixture(DataSource dataSource, Duration initialBackoff, int maxAttempts) {
		this.dataSource = dataSource;
		this.properties = new MailProperties(true, "no-reply@vestline.test", "Vestline", null, Duration.ofSeconds(1),
				20, Duration.ofMinutes(5), Duration.ofSeconds(30), initialBackoff, Duration.ofHours(1), maxAttempts);
		this.queries = new MailQueries(dataSource);
		this.outbox = new MailOutbox(this.queries, this.properties, this.clock);
		this.failed = new FailedMails(this.queries, this.properties, this.clock);
		this.transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
	}

	MailDelivery sender(String holder, int smtpPort) {
		return new MailDelivery(this.queries, new SmtpTransport(smtp(smtpPort), this.properties), this.properties,
				this.clock, new SimpleMeterRegistry(), holder);
	}

	static JavaMailSenderImpl smtp(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "10000");
		sender.getJavaMailProperties().put("mail.smtp.timeout", "10000");
		return sender;
	}

	boolean append(Mail mail) {
		return Boolean.TRUE.equals(this.transactions.execute((status) -> this.outbox.append(mail)));
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	/** A clock the test moves forward, instead of waiting for backoff. */
	static final class MovableClock extends Clock {

		private final AtomicReference<Instant> now;

		MovableClock(Instant start) {
			this.now = new AtomicReference<>(start);
		}

		void advance(Duration duration) {
			this.now.updateAndGet((instant) -> instant.plus(duration));
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now.get();
		}

	}

}
