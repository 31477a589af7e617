package dev.vestline.messaging.autoconfigure;

import java.time.Duration;

import dev.vestline.messaging.Housekeeping;
import dev.vestline.messaging.outbox.OutboxMetrics;
import dev.vestline.messaging.outbox.ParkedEvents;

import org.springframework.context.SmartLifecycle;

/**
 * The messaging jobs every replica runs: reading the outbox backlog for the metrics, and
 * deleting outbox and inbox rows past retention. All are safe with any number of
 * replicas.
 */
class MessagingHousekeeping implements SmartLifecycle {

	private static final Duration RETENTION_INTERVAL = Duration.ofMinutes(10);

	private static final String FAILED = "Messaging housekeeping failed; trying again at the next interval";

	private final OutboxMetrics metrics;

	private final RetentionSweep retention;

	private final MessagingProperties properties;

	private final ParkedEvents parked;

	private final Housekeeping housekeeping = new Housekeeping("vestline-messaging-housekeeping");

	MessagingHousekeeping(OutboxMetrics metrics, RetentionSweep retention, MessagingProperties properties,
			ParkedEvents parked) {
		this.metrics = metrics;
		this.retention = retention;
		this.properties = properties;
		this.parked = parked;
	}

	@Override
	public void start() {
		this.housekeeping.start();
		this.housekeeping.every(Duration.ZERO, this.properties.outbox().metricsRefresh(), this.metrics::refresh,
				FAILED);
		this.housekeeping.every(RETENTION_INTERVAL, RETENTION_INTERVAL, this.retention::apply, FAILED);
		// events held behind a parked event that an operator released while the
		// relay held them go back to the relay's work list
		this.housekeeping.every(RETENTION_INTERVAL.dividedBy(10), RETENTION_INTERVAL.dividedBy(10),
				this.parked::releaseOrphans, FAILED);
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
