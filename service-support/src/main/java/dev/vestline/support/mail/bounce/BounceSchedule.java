package dev.vestline.support.mail.bounce;

import dev.vestline.messaging.Housekeeping;
import jakarta.mail.MessagingException;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link BounceReader} every {@code vestline.mail.bounces.poll-interval} on
 * every replica; each bounce is recorded once, whichever replica reads it. A failed run
 * (the mailbox or the database away) is logged; unrecorded messages stay unseen for the
 * next interval.
 */
class BounceSchedule implements SmartLifecycle {

	private final Housekeeping housekeeping = new Housekeeping("vestline-bounce-reader");

	private final BounceReader reader;

	private final BounceProperties properties;

	BounceSchedule(BounceReader reader, BounceProperties properties) {
		this.reader = reader;
		this.properties = properties;
	}

	@Override
	public void start() {
		this.housekeeping.start();
		this.housekeeping.every(this.properties.pollInterval(), this.properties.pollInterval(), this::read,
				"Reading the bounce mailbox failed; trying again at the next interval");
	}

	private void read() {
		try {
			this.reader.readOnce();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("The bounce mailbox did not answer", ex);
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
