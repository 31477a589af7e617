package dev.vestline.messaging;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One daemon thread that runs a replica's housekeeping jobs at fixed delays, for the
 * lifecycle beans of the messaging and service-support kits. A job that fails is logged
 * and runs again at its next interval: one failure never stops the schedule.
 */
public final class Housekeeping {

	private static final Logger logger = LoggerFactory.getLogger(Housekeeping.class);

	/**
	 * How long {@link #stop()} waits for a running job: longer than one SMTP exchange
	 * with its timeouts, shorter than the pods' termination grace period.
	 */
	static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private final String threadName;

	private @Nullable ScheduledExecutorService scheduler;

	/**
	 * @param threadName the name of the thread, as thread dumps show it
	 */
	public Housekeeping(String threadName) {
		this.threadName = threadName;
	}

	/** Starts the thread; jobs are scheduled with {@link #every} afterwards. */
	public synchronized void start() {
		this.scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(this.threadName).daemon().factory());
	}

	/**
	 * @param first the delay before the first run
	 * @param interval the delay between the end of one run and the start of the next
	 * @param job the job
	 * @param whenFailed what the log says when a run fails
	 */
	public synchronized void every(Duration first, Duration interval, Runnable job, String whenFailed) {
		if (this.scheduler == null) {
			throw new IllegalStateException(this.threadName + " is not started");
		}
		this.scheduler.scheduleWithFixedDelay(() -> {
			try {
				job.run();
			}
			catch (RuntimeException ex) {
				logger.warn(whenFailed, ex);
			}
		}, first.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Stops the schedule and lets a job that runs finish, up to {@link #STOP_GRACE},
	 * before it interrupts it: the application closes the connection pool right after,
	 * and a job that claimed work (the mail sender) must record what it did, or the work
	 * stays claimed until its claim runs out and is done again.
	 */
	public void stop() {
		ScheduledExecutorService stopping;
		synchronized (this) {
			stopping = this.scheduler;
			this.scheduler = null;
		}
		if (stopping == null) {
			return;
		}
		stopping.shutdown();
		try {
			if (!stopping.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("{} still running after {}; interrupting it", this.threadName, STOP_GRACE);
				stopping.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			stopping.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

}
