package dev.vestline.support.operations;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.vestline.messaging.deadletters.DeadLetterTopic;
import dev.vestline.messaging.deadletters.DeadLetters;
import dev.vestline.messaging.outbox.OutboxStatus;
import dev.vestline.support.consistency.Invariants;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Reads, at the moment it is asked and from the database and the broker (so any replica
 * gives the same answer), how the service stands: the outbox backlog and its oldest age,
 * the relay's leader, each invariant's violations and the dead letters pending per
 * dead-letter topic. A part that cannot be read says so instead of failing the rest.
 */
class OperationsStatus {

	private static final Logger logger = LoggerFactory.getLogger(OperationsStatus.class);

	private final String service;

	private final String instance;

	private final OutboxStatus outbox;

	private final ObjectProvider<Invariants> invariants;

	private final ObjectProvider<DeadLetters> deadLetters;

	private final Clock clock;

	OperationsStatus(Identity identity, OutboxStatus outbox, ObjectProvider<Invariants> invariants,
			ObjectProvider<DeadLetters> deadLetters, Clock clock) {
		this.service = identity.service();
		this.instance = identity.instance();
		this.outbox = outbox;
		this.invariants = invariants;
		this.deadLetters = deadLetters;
		this.clock = clock;
	}

	Status read() {
		OutboxStatus.Backlog backlog = this.outbox.backlog();
		return new Status(this.service, this.instance, this.clock.instant(),
				new Outbox(backlog.size(), backlog.oldestCreatedAt(), backlog.oldestAge().toSeconds(), backlog.parked(),
						backlog.held()),
				this.outbox.leader().map(Leader::of).orElse(null), invariants(), deadLetters());
	}

	private List<Invariant> invariants() {
		return this.invariants.orderedStream()
			.flatMap((check) -> check.countViolations().entrySet().stream())
			.sorted(Map.Entry.comparingByKey())
			.map((entry) -> new Invariant(entry.getKey(), entry.getValue()))
			.toList();
	}

	private List<DeadLetterCount> deadLetters() {
		DeadLetters letters = this.deadLetters.getIfAvailable();
		if (letters == null) {
			return List.of();
		}
		return letters.topics().stream().map((topic) -> count(letters, topic)).toList();
	}

	private static DeadLetterCount count(DeadLetters letters, DeadLetterTopic topic) {
		try {
			return new DeadLetterCount(topic.name(), topic.topic(), topic.consumerGroup(), letters.pendingCount(topic),
					null);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not count the dead letters of {}", topic.name(), ex);
			return new DeadLetterCount(topic.name(), topic.topic(), topic.consumerGroup(), null,
					"The broker did not answer: " + ex.getMessage());
		}
	}

	/**
	 * @param service the service (its schema)
	 * @param instance this instance's database session name
	 */
	record Identity(String service, String instance) {
	}

	/**
	 * How a service stands.
	 *
	 * @param service the service (its schema)
	 * @param answeredBy the instance that answered, by its database session name
	 * @param readAt when this was read
	 * @param outbox the events not published yet
	 * @param relayLeader the instance whose relay publishes them, absent while none leads
	 * @param invariants each invariant's violations now; every one must be 0
	 * @param deadLetters the records each consumer group gave up on and are not replayed
	 */
	record Status(String service, String answeredBy, Instant readAt, Outbox outbox, @Nullable Leader relayLeader,
			List<Invariant> invariants, List<DeadLetterCount> deadLetters) {
	}

	/**
	 * @param backlog events waiting to be published
	 * @param oldestCreatedAt when the oldest of them was written, absent when none waits
	 * @param oldestAgeSeconds how long it has waited, 0 when none waits
	 * @param parked events the broker refused again and again, for an operator
	 * @param held events waiting behind a parked event of their aggregate
	 */
	record Outbox(long backlog, @Nullable Instant oldestCreatedAt, long oldestAgeSeconds, long parked, long held) {
	}

	/**
	 * @param instance the leading instance's database session name
	 * @param clientAddress where it connects from
	 * @param sessionStartedAt when its lock session started
	 */
	record Leader(@Nullable String instance, @Nullable String clientAddress, @Nullable Instant sessionStartedAt) {

		static Leader of(OutboxStatus.Leader leader) {
			return new Leader(leader.applicationName(), leader.clientAddress(), leader.sessionStartedAt());
		}

	}

	/**
	 * @param name the invariant
	 * @param violations rows breaking it now; must be 0
	 */
	record Invariant(String name, long violations) {
	}

	/**
	 * @param deadLetterTopic where the group parks what it gave up on
	 * @param topic what the group consumes
	 * @param consumerGroup the group
	 * @param pending dead letters not replayed or discarded, absent when unreadable
	 * @param unreadable why they could not be counted
	 */
	record DeadLetterCount(String deadLetterTopic, String topic, String consumerGroup, @Nullable Long pending,
			@Nullable String unreadable) {
	}

}
