package dev.vestline.messaging.outbox;

import java.time.Duration;

/**
 * How the relay behaves.
 *
 * @param batchSize rows claimed and sent per round trip
 * @param fallbackPoll how long the relay waits for a commit notification before it looks
 * anyway (a missed notification costs at most this much latency)
 * @param takeoverInterval how often a standby relay tries to become the leader
 * @param initialBackoff the first pause after Kafka or the database failed
 * @param maxBackoff the longest pause between attempts
 */
public record RelaySettings(int batchSize, Duration fallbackPoll, Duration takeoverInterval, Duration initialBackoff,
		Duration maxBackoff) {

	/**
	 * @return the defaults: 500 per batch, 5 s fallback poll, 1 s takeover, 100 ms to 30
	 * s backoff
	 */
	public static RelaySettings defaults() {
		return new RelaySettings(500, Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMillis(100),
				Duration.ofSeconds(30));
	}

}
