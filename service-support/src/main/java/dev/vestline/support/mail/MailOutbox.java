package dev.vestline.support.mail;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where a service writes the mails a change causes: in the same transaction as the
 * change, so a mail is sent if and only if the change committed. The sender sends it
 * afterwards.
 */
public class MailOutbox {

	private static final Logger logger = LoggerFactory.getLogger(MailOutbox.class);

	private final MailQueries queries;

	private final MailProperties properties;

	private final Clock clock;

	MailOutbox(MailQueries queries, MailProperties properties, Clock clock) {
		this.queries = queries;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @param mail the mail
	 * @return whether it was written; {@code false} when the same mail (same Message-ID)
	 * was written before, e.g. for a redelivered event
	 * @throws IllegalStateException outside a transaction: a mail written on its own
	 * could go out for a change that then rolled back
	 */
	public boolean append(Mail mail) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("A mail is written in the transaction of the change that causes it");
		}
		String messageId = MessageIds.of(mail, this.properties.domain());
		boolean written = this.queries.insert(mail, messageId, this.clock.instant());
		if (!written) {
			logger.debug("Mail {} was written before; not again", messageId);
		}
		return written;
	}

}
