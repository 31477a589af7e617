package dev.vestline.support.mail;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link MailDelivery} every {@code poll-interval} on every replica; the claims make
 * that safe. A full batch is followed at once by the next.
 */
class MailSchedule implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(MailSchedule.class);

	private final MailDelivery delivery;

	private final MailProperties properties;

	private @Nullable ScheduledExecutorService scheduler;

	MailSchedule(MailDelivery delivery, MailProperties properties) {
		this.delivery = delivery;
		this.properties = properties;
	}

	@Override
	public void start() {
		this.scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("vestline-mail-sender").daemon().factory());
		long interval = this.properties.pollInterval().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::sendDue, interval, interval, TimeUnit.MILLISECONDS);
	}

	void sendDue() {
		try {
			while (this.delivery.sendDue() >= this.properties.batchSize() && isRunning()) {
				// a full batch: more may be due
			}
		}
		catch (RuntimeException ex) {
			// the database away, say: the next interval tries again; claims run out
			// meanwhile
			logger.warn("Sending mail failed; trying again at the next interval", ex);
		}
	}

	@Override
	public void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}
