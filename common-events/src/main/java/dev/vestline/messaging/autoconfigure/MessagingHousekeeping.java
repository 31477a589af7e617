package dev.vestline.messaging.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.vestline.messaging.inbox.InboxRetention;
import dev.vestline.messaging.outbox.OutboxMetrics;
import dev.vestline.messaging.outbox.OutboxRetention;
import dev.vestline.messaging.outbox.ParkedEvents;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The messaging jobs every replica runs: reading the outbox backlog for the metrics, and
 * deleting outbox and inbox rows past retention. All are safe with any number of
 * replicas.
 */
class MessagingHousekeeping implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(MessagingHousekeeping.class);

	private static final Duration RETENTION_INTERVAL = Duration.ofMinutes(10);

	private final OutboxMetrics metrics;

	private final OutboxRetention outboxRetention;

	private final InboxRetention inboxRetention;

	private final MessagingProperties properties;

	private final Clock clock;

	private final ParkedEvents parked;

	private @Nullable ScheduledExecutorService scheduler;

	MessagingHousekeeping(DataSource dataSource, OutboxMetrics metrics, MessagingProperties properties, Clock clock,
			ParkedEvents parked) {
		this.metrics = metrics;
		this.outboxRetention = new OutboxRetention(dataSource);
		this.inboxRetention = new InboxRetention(dataSource);
		this.properties = properties;
		this.clock = clock;
		this.parked = parked;
	}

	@Override
	public void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor(
				Thread.ofPlatform().name("vestline-messaging-housekeeping").daemon().factory());
		long refresh = this.properties.outbox().metricsRefresh().toMillis();
		this.scheduler.scheduleWithFixedDelay(guarded(this.metrics::refresh), 0, refresh, TimeUnit.MILLISECONDS);
		this.scheduler.scheduleWithFixedDelay(guarded(this::applyRetention), RETENTION_INTERVAL.toMillis(),
				RETENTION_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
		this.scheduler.scheduleWithFixedDelay(guarded(this::releaseOrphans), RETENTION_INTERVAL.toMillis() / 10,
				RETENTION_INTERVAL.toMillis() / 10, TimeUnit.MILLISECONDS);
	}

	private void applyRetention() {
		var now = this.clock.instant();
		int outbox = this.outboxRetention.deletePublishedBefore(now.minus(this.properties.outbox().retention()));
		int inbox = this.inboxRetention.deleteReceivedBefore(now.minus(this.properties.inbox().retention()));
		if (outbox + inbox > 0) {
			logger.info("Retention deleted {} published outbox rows and {} inbox rows", outbox, inbox);
		}
	}

	/**
	 * Events held behind a parked event that an operator released while the relay held
	 * them go back to the relay's work list.
	 */
	private void releaseOrphans() {
		this.parked.releaseOrphans();
	}

	private static Runnable guarded(Runnable job) {
		return () -> {
			try {
				job.run();
			}
			catch (RuntimeException ex) {
				logger.warn("Messaging housekeeping failed; trying again at the next interval", ex);
			}
		};
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
