package dev.vestline.messaging;

import java.time.Duration;

import org.springframework.context.SmartLifecycle;

/**
 * One job on a {@link Housekeeping} thread of its own, started and stopped with the
 * application: the kits' schedules (the mail sender, the bounce reader, the retention
 * jobs) are beans of this class, each with its interval and what its log says on failure.
 */
public final class HousekeepingJob implements SmartLifecycle {

	private final Housekeeping housekeeping;

	private final Duration interval;

	private final Runnable job;

	private final String whenFailed;

	/**
	 * @param threadName the name of its thread, as thread dumps show it
	 * @param interval the delay before the first run, and between the end of one run and
	 * the start of the next
	 * @param job the job; a run that throws is logged and the next interval tries again
	 * @param whenFailed what the log says when a run fails
	 */
	public HousekeepingJob(String threadName, Duration interval, Runnable job, String whenFailed) {
		this.housekeeping = new Housekeeping(threadName);
		this.interval = interval;
		this.job = job;
		this.whenFailed = whenFailed;
	}

	@Override
	public void start() {
		this.housekeeping.start();
		this.housekeeping.every(this.interval, this.interval, this.job, this.whenFailed);
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
