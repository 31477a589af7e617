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
 */
public record RelaySettings(int batchSize, int pipelineDepth, Duration pollBeforeSleeping, Duration fallbackPoll,
		Duration takeoverInterval, Duration initialBackoff, Duration maxBackoff) {

	public RelaySettings {
		if (batchSize < 1 || pipelineDepth < 1) {
			throw new IllegalArgumentException("batch size and pipeline depth must be at least 1");
		}
		if (pollBeforeSleeping.isNegative()) {
			throw new IllegalArgumentException("the polling before sleeping cannot be negative");
		}
	}

	/**
	 * @return the defaults: 500 per batch, 3 batches in flight, 20 ms of polling before
	 * sleeping, 5 s fallback poll, 1 s takeover, 100 ms to 30 s backoff
	 */
	public static RelaySettings defaults() {
		return new RelaySettings(500, 3, Duration.ofMillis(20), Duration.ofSeconds(5), Duration.ofSeconds(1),
				Duration.ofMillis(100), Duration.ofSeconds(30));
	}

}
