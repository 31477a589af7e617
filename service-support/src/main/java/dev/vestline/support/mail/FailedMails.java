package dev.vestline.support.mail;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;

/**
 * What staff see of mails that did not arrive (failed, or bounced after they were sent),
 * and their re-send: to the same address once the cause is fixed, or to a corrected one.
 */
public class FailedMails {

	private final MailQueries queries;

	private final MailProperties properties;

	private final Clock clock;

	FailedMails(MailQueries queries, MailProperties properties, Clock clock) {
		this.queries = queries;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @param limit at most this many
	 * @return the failed and bounced mails, newest first
	 */
	public List<FailedMail> list(int limit) {
		return this.queries.failed(limit);
	}

	/**
	 * @param id the failed mail
	 * @param correctedAddress the address to send it to instead, or {@code null} for the
	 * same
	 * @throws MailNotFound when there is no such mail
	 * @throws MailNotFailed when it neither failed nor bounced (sent, or still being
	 * tried)
	 */
	public void resend(UUID id, @Nullable String correctedAddress) {
		Mail mail = this.queries.find(id);
		if (mail == null) {
			throw new MailNotFound(id);
		}
		String messageId = null;
		if (correctedAddress != null) {
			Mail corrected = mail.redirectedTo(new Recipient(correctedAddress, mail.to().name()));
			messageId = MessageIds.of(corrected, this.properties.domain());
		}
		try {
			if (!this.queries.resend(id, correctedAddress, messageId, this.clock.instant())) {
				throw new MailNotFailed(
						"Mail " + id + " has not failed or bounced: it was sent or is still being tried");
			}
		}
		catch (DuplicateKeyException ex) {
			throw new MailNotFailed(
					"The same mail to " + correctedAddress + " was already written; it is not" + " written twice");
		}
	}

	/** No mail with that id. */
	public static final class MailNotFound extends RuntimeException {

		MailNotFound(UUID id) {
			super("No mail " + id + " in this service's outbox");
		}

	}

	/**
	 * The mail was sent or is still being tried, or the corrected one exists already:
	 * nothing to re-send.
	 */
	public static final class MailNotFailed extends RuntimeException {

		MailNotFailed(String message) {
			super(message);
		}

	}

}
