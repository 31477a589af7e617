package dev.vestline.console.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A service's {@code GET /api/v1/operations/status}, with what the overview says of it.
 *
 * @param service the service
 * @param answeredBy the instance that answered
 * @param readAt when
 * @param outbox the events not published yet
 * @param relayLeader the instance whose relay publishes, absent while none leads
 * @param invariants each invariant's violations; all must be 0
 * @param deadLetters dead letters pending per dead-letter topic
 */
record ServiceStatus(String service, String answeredBy, Instant readAt, Outbox outbox, @Nullable Leader relayLeader,
		List<Invariant> invariants, List<DeadLetterCount> deadLetters) {

	/**
	 * @return e.g. "Nothing waits to be published", "3 events wait; the oldest for 2
	 * minutes"
	 */
	public String backlogInWords() {
		if (this.outbox.backlog() == 0) {
			return "Nothing waits to be published";
		}
		return this.outbox.backlog() + ((this.outbox.backlog() == 1) ? " event waits" : " events wait")
				+ " to be published; the oldest for "
				+ Ages.inWords(Duration.ofSeconds(this.outbox.oldestAgeSeconds()));
	}

	/** Whether any invariant reads other than 0. */
	public boolean broken() {
		return this.invariants.stream().anyMatch((invariant) -> invariant.violations() != 0);
	}

	/** The dead letters pending over every topic that could be counted. */
	public long deadLettersPending() {
		return this.deadLetters.stream().mapToLong((count) -> (count.pending() != null) ? count.pending() : 0).sum();
	}

	/**
	 * @param backlog events waiting to be published
	 * @param oldestCreatedAt when the oldest was written
	 * @param oldestAgeSeconds how long it has waited
	 * @param parked events the broker refused, parked
	 * @param held events held behind a parked one
	 */
	record Outbox(long backlog, @Nullable Instant oldestCreatedAt, long oldestAgeSeconds, long parked, long held) {
	}

	/**
	 * @param instance the leading instance's name
	 * @param clientAddress where it connects from
	 * @param sessionStartedAt when its lock session started
	 */
	record Leader(@Nullable String instance, @Nullable String clientAddress, @Nullable Instant sessionStartedAt) {

		public String sinceInWords() {
			return Ages.at(this.sessionStartedAt);
		}

	}

	/**
	 * @param name the invariant
	 * @param violations rows breaking it
	 */
	record Invariant(String name, long violations) {

		/** "deal_reserved_equals_reservations" → "deal reserved equals reservations". */
		public String nameInWords() {
			return this.name.replace('_', ' ');
		}

	}

	/**
	 * @param deadLetterTopic the dead-letter topic
	 * @param topic what the group consumes
	 * @param consumerGroup the group
	 * @param pending how many wait, absent when the service could not count them
	 * @param unreadable why not
	 */
	record DeadLetterCount(String deadLetterTopic, String topic, String consumerGroup, @Nullable Long pending,
			@Nullable String unreadable) {
	}

}
