package dev.vestline.messaging.outbox;

import java.time.Duration;

/**
 * How the relay behaves.
 *
 * @param batchSize rows claimed and sent per round trip
 * @param pipelineDepth batches in flight at most: 3 claims the next batch while two are
 * on their way to the producer and the broker; 1 sends one batch at a time
 * @param pollBeforeSleeping how long the relay keeps looking for new rows (after 1, 2,
 * then every 4 ms) once the outbox is drained, before it waits for a commit notification
 * @param fallbackPoll how long the relay waits for a commit notification before it looks
 * anyway (a missed notification costs at most this much latency)
 * @param takeoverInterval how often a standby relay tries to become the leader
 * @param initialBackoff the first pause after Kafka or the database failed
 * @param maxBackoff the longest pause between attempts
 * @param parkAfter refusals of one row (too large for the topic, invalid) after which it
 * is parked, with the later rows of its aggregate held behind it, so that the other
 * aggregates' events flow on
 * @param lease how long a leader may go without proving that its session, and so the
 * lock, is alive: PostgreSQL ends a leader session idle for longer (a frozen or cut-off
 * leader), which frees the lock for another relay, and a leader that could not prove it
 * for that long stops relaying
 */
public record RelaySettings(int batchSize, int pipelineDepth, Duration pollBeforeSleeping, Duration fallbackPoll,
		Duration takeoverInterval, Duration initialBackoff, Duration maxBackoff, int parkAfter, Duration lease) {

	/** Refusals of a row before it is parked, by default. */
	public static final int DEFAULT_PARK_AFTER = 3;

	/** A leader's lease, by default. */
	public static final Duration DEFAULT_LEASE = Duration.ofSeconds(10);

	public RelaySettings {
		if (batchSize < 1 || pipelineDepth < 1) {
			throw new IllegalArgumentException("batch size and pipeline depth must be at least 1");
		}
		if (parkAfter < 1) {
			throw new IllegalArgumentException("a row is parked after one refusal at the earliest");
		}
		if (lease.compareTo(Duration.ofSeconds(2)) < 0) {
			throw new IllegalArgumentException("the lease must be at least 2 s");
		}
		if (pollBeforeSleeping.isNegative()) {
			throw new IllegalArgumentException("the polling before sleeping cannot be negative");
		}
	}

	/**
	 * The settings with the default refusals before parking and the default lease.
	 */
	public RelaySettings(int batchSize, int pipelineDepth, Duration pollBeforeSleeping, Duration fallbackPoll,
			Duration takeoverInterval, Duration initialBackoff, Duration maxBackoff) {
		this(batchSize, pipelineDepth, pollBeforeSleeping, fallbackPoll, takeoverInterval, initialBackoff, maxBackoff,
				DEFAULT_PARK_AFTER, DEFAULT_LEASE);
	}

	/**
	 * @return the defaults: 500 per batch, 3 batches in flight, 20 ms of polling before
	 * sleeping, 5 s fallback poll, 1 s takeover, 100 ms to 30 s backoff, parked after 3
	 * refusals, 10 s lease
	 */
	public static RelaySettings defaults() {
		return new RelaySettings(500, 3, Duration.ofMillis(20), Duration.ofSeconds(5), Duration.ofSeconds(1),
				Duration.ofMillis(100), Duration.ofSeconds(30));
	}

	/**
	 * @return these settings with another number of refusals before parking
	 */
	public RelaySettings withParkAfter(int refusals) {
		return new RelaySettings(this.batchSize, this.pipelineDepth, this.pollBeforeSleeping, this.fallbackPoll,
				this.takeoverInterval, this.initialBackoff, this.maxBackoff, refusals, this.lease);
	}

	/**
	 * @return these settings with another lease
	 */
	public RelaySettings withLease(Duration lease) {
		return new RelaySettings(this.batchSize, this.pipelineDepth, this.pollBeforeSleeping, this.fallbackPoll,
				this.takeoverInterval, this.initialBackoff, this.maxBackoff, this.parkAfter, lease);
	}

}
