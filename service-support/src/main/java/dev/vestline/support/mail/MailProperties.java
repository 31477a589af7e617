package dev.vestline.support.mail;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vestline.mail.*}: the mail outbox and its sender. The SMTP server itself is
 * Spring Boot's {@code spring.mail.*} (host, port, username, password).
 *
 * @param enabled whether this service writes and sends mail (its schema then gets the
 * {@code mail_outbox} table)
 * @param from the sender address every mail carries
 * @param fromName the sender's display name
 * @param messageIdDomain the right-hand side of each Message-ID; by default the domain of
 * {@code from}
 * @param pollInterval how often each replica looks for due mail
 * @param batchSize how many mails one replica claims at a time
 * @param claim how long a claim keeps other replicas off a mail; longer than any SMTP
 * timeout, so a claim never runs out while its replica is still talking to the server
 * @param smtpTimeout connect, read and write timeout of the SMTP connection
 * @param initialBackoff the wait after the first failed attempt; doubled after each
 * further one
 * @param maxBackoff the longest wait between attempts
 * @param maxAttempts after this many failed attempts a mail is failed, for staff to see
 */
@ConfigurationProperties("vestline.mail")
public record MailProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("no-reply@vestline.example.com") String from, @DefaultValue("Vestline") String fromName,
		@Nullable String messageIdDomain, @DefaultValue("2s") Duration pollInterval, @DefaultValue("20") int batchSize,
		@DefaultValue("5m") Duration claim, @DefaultValue("30s") Duration smtpTimeout,
		@DefaultValue("30s") Duration initialBackoff, @DefaultValue("1h") Duration maxBackoff,
		@DefaultValue("12") int maxAttempts) {

	public MailProperties {
		if (claim.compareTo(smtpTimeout.multipliedBy(4)) < 0) {
			// connect + greeting + data + quit each may take up to the timeout
			throw new IllegalArgumentException("vestline.mail.claim (" + claim
					+ ") must be at least four times vestline.mail.smtp-timeout (" + smtpTimeout + ")");
		}
		if (batchSize < 1 || maxAttempts < 1) {
			throw new IllegalArgumentException("vestline.mail.batch-size and max-attempts must be 1 or more");
		}
	}

	String domain() {
		if (this.messageIdDomain != null && !this.messageIdDomain.isBlank()) {
			return this.messageIdDomain;
		}
		return this.from.substring(this.from.indexOf('@') + 1);
	}

	/**
	 * @param failedAttempts how many attempts failed so far, 1 or more
	 * @return how long to wait before the next one: doubling, capped
	 */
	Duration backoff(int failedAttempts) {
		long ceiling = Math.min(this.maxBackoff.toMillis(),
				this.initialBackoff.toMillis() << Math.min(Math.max(failedAttempts - 1, 0), 30));
		return Duration.ofMillis(ceiling);
	}

}
