package dev.vestline.support.idempotency;

import java.time.Clock;
import java.time.Duration;

import dev.vestline.messaging.Housekeeping;
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

	private final Housekeeping housekeeping = new Housekeeping("vestline-idempotency-retention");

	IdempotencyHousekeeping(IdempotencyRetention retention, IdempotencyProperties properties, Clock clock) {
		this.retention = retention;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void start() {
		this.housekeeping.start();
		Duration interval = this.properties.cleanupInterval();
		this.housekeeping.every(interval, interval, this::forgetOldKeys,
				"Idempotency-Key retention failed; trying again at the next interval");
	}

	private void forgetOldKeys() {
		int deleted = this.retention.deleteCreatedBefore(this.clock.instant().minus(this.properties.retention()));
		if (deleted > 0) {
			logger.info("Retention forgot {} Idempotency-Keys", deleted);
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
