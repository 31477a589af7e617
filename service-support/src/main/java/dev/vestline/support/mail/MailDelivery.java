package dev.vestline.support.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;

/**
 * Sends due mails from the outbox, on every replica: each round claims a batch (rows
 * another replica holds are skipped), sends each over SMTP and records the outcome only
 * if its claim is still the current one. A failed attempt waits with doubling backoff; an
 * address the server refuses, or a mail that failed every attempt, is failed for staff to
 * see.
 *
 * <p>
 * Between a successful send and its record a crash can happen; the claim then runs out
 * and the mail goes again, with the same Message-ID, so the copy is recognisable. While
 * the claim lasts (longer than any SMTP timeout) no other replica sends it.
 */
public class MailDelivery {

	private static final Logger logger = LoggerFactory.getLogger(MailDelivery.class);

	private final MailQueries queries;

	private final SmtpTransport smtp;

	private final MailProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	private final String holder;

	MailDelivery(MailQueries queries, SmtpTransport smtp, MailProperties properties, Clock clock, MeterRegistry meters,
			String holder) {
		this.queries = queries;
		this.smtp = smtp;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
		this.holder = holder;
	}

	/**
	 * One round: claims what is due and sends it.
	 * @return how many mails were claimed
	 */
	public int sendDue() {
		List<OutgoingMail> claimed = this.queries.claim(this.holder, this.properties.batchSize(), this.clock.instant(),
				this.properties.claim());
		claimed.forEach(this::send);
		return claimed.size();
	}

	private void send(OutgoingMail mail) {
		try {
			this.smtp.send(mail);
		}
		catch (MailException ex) {
			failed(mail, ex);
			return;
		}
		if (this.queries.sent(mail, this.holder, this.clock.instant())) {
			count("vestline.mail.sent", mail);
		}
		else {
			logger.warn("Mail {} was sent after its claim ran out; another replica may send it again",
					mail.messageId());
		}
	}

	private void failed(OutgoingMail mail, MailException ex) {
		String error = SmtpTransport.describe(ex);
		Instant now = this.clock.instant();
		if (SmtpTransport.refusedAddress(ex)) {
			logger.warn("The SMTP server refused mail {} ({}): {}", mail.messageId(), mail.mail().kind(), error);
			this.queries.fail(mail, this.holder, now, "address refused: " + error);
			count("vestline.mail.failed", mail);
		}
		else if (mail.attempt() >= this.properties.maxAttempts()) {
			logger.warn("Mail {} ({}) failed {} attempts; giving up: {}", mail.messageId(), mail.mail().kind(),
					mail.attempt(), error);
			this.queries.fail(mail, this.holder, now, error);
			count("vestline.mail.failed", mail);
		}
		else {
			Instant next = now.plus(this.properties.backoff(mail.attempt()));
			logger.info("Mail {} not sent (attempt {}), trying again at {}: {}", mail.messageId(), mail.attempt(), next,
					error);
			this.queries.retryLater(mail, this.holder, next, error);
			count("vestline.mail.retried", mail);
		}
	}

	private void count(String name, OutgoingMail mail) {
		this.meters.counter(name, "kind", mail.mail().kind()).increment();
	}

}
