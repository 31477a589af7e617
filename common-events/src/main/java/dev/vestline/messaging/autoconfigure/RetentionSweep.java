package dev.vestline.messaging.autoconfigure;

import java.time.Clock;

import javax.sql.DataSource;

import dev.vestline.messaging.inbox.InboxRetention;
import dev.vestline.messaging.outbox.OutboxRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes published outbox rows and inbox rows past their retention; safe with any number
 * of replicas (a row deleted twice is deleted once).
 */
class RetentionSweep {

	private static final Logger logger = LoggerFactory.getLogger(RetentionSweep.class);

	private final OutboxRetention outboxRetention;

	private final InboxRetention inboxRetention;

	private final MessagingProperties properties;

	private final Clock clock;

	RetentionSweep(DataSource dataSource, MessagingProperties properties, Clock clock) {
		this.outboxRetention = new OutboxRetention(dataSource);
		this.inboxRetention = new InboxRetention(dataSource);
		this.properties = properties;
		this.clock = clock;
	}

	void apply() {
		var now = this.clock.instant();
		int outbox = this.outboxRetention.deletePublishedBefore(now.minus(this.properties.outbox().retention()));
		int inbox = this.inboxRetention.deleteReceivedBefore(now.minus(this.properties.inbox().retention()));
		if (outbox + inbox > 0) {
			logger.info("Retention deleted {} published outbox rows and {} inbox rows", outbox, inbox);
		}
	}

}
