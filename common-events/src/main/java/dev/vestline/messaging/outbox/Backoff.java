package dev.vestline.messaging.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential backoff with full jitter, so that replicas do not retry in step.
 */
final class Backoff {

	private final Duration initial;

	private final Duration max;

	private int failures;

	Backoff(Duration initial, Duration max) {
		this.initial = initial;
		this.max = max;
	}

	Duration next() {
		long ceiling = Math.min(this.max.toMillis(), this.initial.toMillis() << Math.min(this.failures++, 20));
		return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
	}

	void reset() {
		this.failures = 0;
	}

}
