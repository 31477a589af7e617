package dev.vestline.support.idempotency;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link IdempotencyRetention} every {@code cleanup-interval} on every replica;
 * the batched, skip-locked delete makes that safe.
 */
class IdempotencyHousekeeping implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(IdempotencyHousekeeping.class);

	private final IdempotencyRetention retention;

	private final IdempotencyProperties properties;

	private final Clock clock;

	private @Nullable ScheduledExecutorService scheduler;

	IdempotencyHousekeeping(IdempotencyRetention retention, IdempotencyProperties properties, Clock clock) {
		this.retention = retention;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor(
				Thread.ofPlatform().name("vestline-idempotency-retention").daemon().factory());
		long interval = this.properties.cleanupInterval().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::forgetOldKeys, interval, interval, TimeUnit.MILLISECONDS);
	}

	void forgetOldKeys() {
		try {
			int deleted = this.retention.deleteCreatedBefore(this.clock.instant().minus(this.properties.retention()));
			if (deleted > 0) {
				logger.info("Retention forgot {} Idempotency-Keys", deleted);
			}
		}
		catch (RuntimeException ex) {
			// the next interval tries again; a failure here must not stop the schedule
			logger.warn("Idempotency-Key retention failed; trying again at the next interval", ex);
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
