package dev.vestline.messaging.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts what the inbox did with each consumed event, per consumer group: applied,
 * skipped as a redelivery, refused as a conflicting redelivery, skipped as an unknown
 * type, and dead-lettered.
 */
public class InboxMetrics {

	private final MeterRegistry registry;

	public InboxMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void applied(String consumer) {
		counter("vestline.inbox.events.applied", "Events applied for the first time", consumer).increment();
	}

	void duplicated(String consumer) {
		counter("vestline.inbox.events.duplicated", "Redelivered events skipped", consumer).increment();
	}

	void conflicted(String consumer) {
		counter("vestline.inbox.events.conflicted", "Redelivered event ids with a different payload", consumer)
			.increment();
	}

	/**
	 * @param consumer the consumer group
	 * @return how many replayed dead letters of other groups it ignored
	 */
	public double replayIgnoredCount(String consumer) {
		return counter("vestline.inbox.replays.ignored", "Replayed dead letters meant for another consumer group",
				consumer)
			.count();
	}

	void replayIgnored(String consumer) {
		counter("vestline.inbox.replays.ignored", "Replayed dead letters meant for another consumer group", consumer)
			.increment();
	}

	void skipped(String consumer) {
		counter("vestline.inbox.events.skipped", "Events of a type this consumer does not know", consumer).increment();
	}

	/**
	 * @param topic the original topic
	 * @param reason why, e.g. the exception's simple name
	 */
	public void deadLettered(String topic, String reason) {
		Counter.builder("vestline.inbox.events.dead.lettered")
			.description("Records parked on a dead-letter topic")
			.tag("topic", topic)
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

	/**
	 * @param consumer the consumer group
	 * @return how many events it applied, for tests and reports
	 */
	public double appliedCount(String consumer) {
		return counter("vestline.inbox.events.applied", "Events applied for the first time", consumer).count();
	}

	/**
	 * @param consumer the consumer group
	 * @return how many redeliveries it skipped
	 */
	public double duplicatedCount(String consumer) {
		return counter("vestline.inbox.events.duplicated", "Redelivered events skipped", consumer).count();
	}

	private Counter counter(String name, String description, String consumer) {
		return Counter.builder(name).description(description).tag("consumer", consumer).register(this.registry);
	}

}
