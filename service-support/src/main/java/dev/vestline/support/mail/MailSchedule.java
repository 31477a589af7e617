package dev.vestline.support.mail;

import dev.vestline.messaging.Housekeeping;

import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link MailDelivery} every {@code poll-interval} on every replica; the claims make
 * that safe. A full batch is followed at once by the next. A failed run (the database
 * away, say) is logged and the next interval tries again; claims run out meanwhile.
 */
class MailSchedule implements SmartLifecycle {

	private final Housekeeping housekeeping = new Housekeeping("vestline-mail-sender");

	private final MailDelivery delivery;

	private final MailProperties properties;

	MailSchedule(MailDelivery delivery, MailProperties properties) {
		this.delivery = delivery;
		this.properties = properties;
	}

	@Override
	public void start() {
		this.housekeeping.start();
		this.housekeeping.every(this.properties.pollInterval(), this.properties.pollInterval(), this::sendDue,
				"Sending mail failed; trying again at the next interval");
	}

	private void sendDue() {
		while (this.delivery.sendDue() >= this.properties.batchSize() && isRunning()) {
			// a full batch: more may be due
		}
	}

	@Override
	public void stop() {
		this.housekeeping.stop();
	}

	@Override
	public boolean isRunning() {
		return this.housekeeping.isRunning();
	}

}
