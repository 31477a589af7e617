package dev.vestline.support.mail;

import java.time.Duration;
import java.time.Instant;

/**
 * Forgets mail sent before a cutoff (its files go with it: {@code ON DELETE CASCADE}) and
 * bounces read before it, in batches. Pending mail stays, and so do failed and bounced
 * mail: staff still have to correct and re-send them. Safe on any number of replicas at
 * once: each batch skips rows another replica is deleting.
 */
public class MailRetention {

	private static final int BATCH = 1_000;

	private final MailQueries queries;

	MailRetention(MailQueries queries) {
		this.queries = queries;
	}

	/**
	 * A mail forgotten while an event that caused it can still be redelivered (the inbox
	 * has forgotten the event's id too late) would be written and sent again.
	 * @param mail the mail's retention
	 * @param inbox the inbox's retention
	 * @throws IllegalStateException when the mail's is not the longer
	 */
	static void requireLongerThanInbox(Duration mail, Duration inbox) {
		if (mail.compareTo(inbox) <= 0) {
			throw new IllegalStateException("vestline.mail.retention (" + mail
					+ ") must be longer than vestline.messaging.inbox.retention (" + inbox
					+ "): an event redelivered after its mail was forgotten would mail the person again");
		}
	}

	/**
	 * @param cutoff mail sent and bounces read before this instant go
	 * @return how many of each
	 */
	public Forgotten forgetBefore(Instant cutoff) {
		int mails = 0;
		int deleted;
		do {
			deleted = this.queries.deleteSentBefore(cutoff, BATCH);
			mails += deleted;
		}
		while (deleted == BATCH);
		int bounces = 0;
		do {
			deleted = this.queries.deleteBouncesReadBefore(cutoff, BATCH);
			bounces += deleted;
		}
		while (deleted == BATCH);
		return new Forgotten(mails, bounces);
	}

	/**
	 * What one run forgot.
	 *
	 * @param mails sent mails, with their files
	 * @param bounces read bounces
	 */
	public record Forgotten(int mails, int bounces) {

	}

}
