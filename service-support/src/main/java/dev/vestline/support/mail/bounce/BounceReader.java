package dev.vestline.support.mail.bounce;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the bounce mailbox, on every replica: each message is recorded once by its
 * identity (its own Message-ID, or the hash of its bytes), and the sent mail it names
 * becomes {@code BOUNCED} with the diagnostic, for staff to correct and re-send. What is
 * no bounce of ours (garbage, a delay notice, an auto-reply, another service's bounce) is
 * recorded, logged and flagged in the mailbox, and never stops the reader.
 */
public class BounceReader {

	private static final Logger logger = LoggerFactory.getLogger(BounceReader.class);

	private final BounceMailbox mailbox;

	private final BounceQueries queries;

	private final Clock clock;

	private final MeterRegistry meters;

	BounceReader(BounceMailbox mailbox, BounceQueries queries, Clock clock, MeterRegistry meters) {
		this.mailbox = mailbox;
		this.queries = queries;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * Reads the unseen messages of the bounce mailbox once.
	 * @return what came of each
	 * @throws MessagingException when the mailbox cannot be reached
	 */
	public List<Outcome> readOnce() throws MessagingException {
		return this.mailbox.read(this::read);
	}

	private Outcome read(byte @Nullable [] bytes, String where) {
		Instant now = this.clock.instant();
		if (bytes == null) {
			logger.warn("Bounce mailbox message {} could not be fetched; flagged there for a person", where);
			return counted(Outcome.UNREADABLE);
		}
		String bounceId = "sha256:" + sha256(bytes);
		DeliveryReport report;
		try {
			MimeMessage message = BounceMailbox.parse(bytes);
			if (message.getMessageID() != null) {
				bounceId = message.getMessageID();
			}
			report = DeliveryReport.of(message);
		}
		catch (MessagingException | java.io.IOException | RuntimeException ex) {
			logger.warn("Bounce mailbox message {} ({}) is unreadable; flagged there for a person: {}", where, bounceId,
					ex.toString());
			return counted(this.queries.recordOther(bounceId, "unreadable: " + ex, now) ? Outcome.UNREADABLE
					: Outcome.ALREADY_READ);
		}
		if (!report.failure() || report.originalMessageIds().isEmpty()) {
			logger.info("Bounce mailbox message {} ({}) reports no failed delivery of a mail; flagged there", where,
					bounceId);
			return counted(this.queries.recordOther(bounceId, "no failure: " + report.diagnostic(), now)
					? Outcome.NO_FAILURE : Outcome.ALREADY_READ);
		}
		Outcome outcome = this.queries.record(bounceId, report.originalMessageIds(), report.diagnostic(), now);
		switch (outcome) {
			case BOUNCED -> logger.warn("Mail {} bounced: {}", report.originalMessageIds(), report.diagnostic());
			case NOT_OURS -> logger.info("Bounce {} names no sent mail of this service ({}); flagged there", bounceId,
					report.originalMessageIds());
			default -> logger.debug("Bounce {} was read before", bounceId);
		}
		return counted(outcome);
	}

	private Outcome counted(Outcome outcome) {
		this.meters.counter("vestline.mail.bounce.read", "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
			.increment();
		return outcome;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
