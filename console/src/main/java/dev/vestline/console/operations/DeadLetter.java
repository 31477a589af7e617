package dev.vestline.console.operations;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A record a consumer group gave up on, as the dead-letter API gives it.
 *
 * @param partition its partition in the dead-letter topic
 * @param offset its offset there
 * @param deadLetteredAt when it was parked
 * @param eventId the event's id, absent for a record that is no CloudEvent
 * @param type the event's type, likewise
 * @param key the record key (the aggregate)
 * @param reason why the group gave up
 * @param originalPartition where it was consumed from
 * @param originalOffset likewise
 */
record DeadLetter(int partition, long offset, Instant deadLetteredAt, @Nullable String eventId, @Nullable String type,
		@Nullable String key, @Nullable String reason, @Nullable Integer originalPartition,
		@Nullable Long originalOffset) {

	public String whenInWords() {
		return Ages.at(this.deadLetteredAt);
	}

	/**
	 * @param topic the topic the group consumes
	 * @return e.g. "signature.events, partition 0 at offset 12"
	 */
	public String whereFrom(String topic) {
		if (this.originalPartition == null || this.originalOffset == null) {
			return topic;
		}
		return topic + ", partition " + this.originalPartition + " at offset " + this.originalOffset;
	}

	public String eventInWords() {
		String what = (this.type != null) ? this.type : "A record that is no CloudEvent";
		return what + ((this.eventId != null) ? " " + this.eventId : "")
				+ ((this.key != null) ? " (key " + this.key + ")" : "");
	}

	/**
	 * @param deadLetterTopic the dead-letter topic
	 * @param pending how many wait in all
	 * @param items the first of them, oldest first per partition
	 */
	record Pending(String deadLetterTopic, long pending, List<DeadLetter> items) {

		/**
		 * Whether the letter is the first pending one of its partition: only it may be
		 * discarded.
		 */
		public boolean firstOfItsPartition(DeadLetter letter) {
			return this.items.stream()
				.filter((item) -> item.partition() == letter.partition())
				.findFirst()
				.map((first) -> first.offset() == letter.offset())
				.orElse(false);
		}

	}

	/**
	 * What one replay sent back.
	 *
	 * @param deadLetterTopic the dead-letter topic
	 * @param replayed the dead letters sent back
	 */
	record Replay(String deadLetterTopic, List<DeadLetter> replayed) {
	}

}
