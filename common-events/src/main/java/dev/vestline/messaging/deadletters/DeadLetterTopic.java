package dev.vestline.messaging.deadletters;

import dev.vestline.events.Topics;

/**
 * Where a consumer group of this service parks what it gave up on.
 *
 * @param topic the topic the group consumes
 * @param consumerGroup the group
 */
public record DeadLetterTopic(String topic, String consumerGroup) {

	/** {@code <topic>.<consumer-group>.dlt} */
	public String name() {
		return Topics.deadLetter(this.topic, this.consumerGroup);
	}

	/** The group that remembers how far the dead letters were replayed. */
	String replayGroup() {
		return this.consumerGroup + ".dlt-replay";
	}

}
