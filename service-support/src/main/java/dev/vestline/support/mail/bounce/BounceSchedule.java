package dev.vestline.support.mail.bounce;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link BounceReader} every {@code vestline.mail.bounces.poll-interval} on
 * every replica; each bounce is recorded once, whichever replica reads it.
 */
class BounceSchedule implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(BounceSchedule.class);

	private final BounceReader reader;

	private final BounceProperties properties;

	private @Nullable ScheduledExecutorService scheduler;

	BounceSchedule(BounceReader reader, BounceProperties properties) {
		this.reader = reader;
		this.properties = properties;
	}

	@Override
	public void start() {
		this.scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("vestline-bounce-reader").daemon().factory());
		long interval = this.properties.pollInterval().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::read, interval, interval, TimeUnit.MILLISECONDS);
	}

	void read() {
		try {
			this.reader.readOnce();
		}
		catch (Exception ex) {
			// the mailbox or the database away: unrecorded messages stay unseen for the
			// next interval
			logger.warn("Reading the bounce mailbox failed; trying again at the next interval: {}", ex.toString());
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
