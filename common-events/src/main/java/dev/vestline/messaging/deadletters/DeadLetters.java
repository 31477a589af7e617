package dev.vestline.messaging.deadletters;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.vestline.messaging.inbox.DeadLetterErrorHandler;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * The dead letters of this service's consumer groups, and their replay.
 * <p>
 * A replay sends each pending dead letter back to the topic it came from, headers and
 * payload as they were, marked with {@link DeadLetterErrorHandler#REPLAY_FOR_HEADER} so
 * that only the group that gave up on it handles it again (every other group's inbox
 * ignores it). How far a dead-letter topic was replayed or discarded is kept in the
 * service's {@code dead_letter_progress} table, written only after every record sent was
 * acknowledged, in the transaction that holds the topic's replay lock: a replay that
 * fails half-way is repeated from where the last one ended, and what it sends again is a
 * redelivery the group's inbox recognises by event id. A PostgreSQL advisory lock makes
 * one replay of a topic run at a time across all replicas. (It was the committed offset
 * of the group {@code <group>.dlt-replay}, which Kafka deletes once the group has had no
 * member for {@code offsets.retention.minutes}; an offset still committed there from
 * before counts too.) Dead-letter topics keep their records for ever
 * ({@code retention.ms=-1}), so a dead letter stays until it is replayed or discarded.
 */
public class DeadLetters {

	private final Supplier<Set<DeadLetterTopic>> topics;

	private final PendingDeadLetters pending;

	private final DeadLetterReplay replay;

	private final DeadLetterDiscard discard;

	/**
	 * @param consumerConfig the service's Kafka consumer settings
	 * @param producerConfig the service's Kafka producer settings
	 * @param dataSource the service's database, for the replay lock
	 * @param topics the dead-letter topics of this service's listeners
	 * @param meters counts replayed records
	 */
	public DeadLetters(Map<String, Object> consumerConfig, Map<String, Object> producerConfig, DataSource dataSource,
			Supplier<Set<DeadLetterTopic>> topics, MeterRegistry meters) {
		ReplayLock lock = new ReplayLock(dataSource);
		this.topics = topics;
		this.pending = new PendingDeadLetters(consumerConfig, dataSource);
		this.replay = new DeadLetterReplay(producerConfig, this.pending, lock, meters);
		this.discard = new DeadLetterDiscard(this.pending, lock, meters);
	}

	/** The dead-letter topics of every listener container of a service. */
	public static Set<DeadLetterTopic> of(KafkaListenerEndpointRegistry registry) {
		Set<DeadLetterTopic> found = new TreeSet<>(
				Comparator.comparing(DeadLetterTopic::topic).thenComparing(DeadLetterTopic::consumerGroup));
		registry.getListenerContainers().forEach((container) -> {
			String[] consumed = container.getContainerProperties().getTopics();
			String group = container.getGroupId();
			if (consumed != null && group != null) {
				for (String topic : consumed) {
					found.add(new DeadLetterTopic(topic, group));
				}
			}
		});
		return found;
	}

	/** This service's dead-letter topics, by topic and group. */
	public Set<DeadLetterTopic> topics() {
		return this.topics.get();
	}

	/** The dead-letter topic of this service with that name. */
	public Optional<DeadLetterTopic> find(String deadLetterTopic) {
		return topics().stream().filter((topic) -> topic.name().equals(deadLetterTopic)).findFirst();
	}

	/** How many dead letters of the topic have not been replayed. */
	public long pendingCount(DeadLetterTopic topic) {
		return this.pending.count(topic);
	}

	/**
	 * @param limit at most this many
	 * @return the dead letters not replayed yet, oldest first per partition
	 */
	public List<DeadLetter> pending(DeadLetterTopic topic, int limit) {
		return this.pending.list(topic, limit);
	}

	/**
	 * Sends up to {@code limit} pending dead letters back to their consumer group.
	 * @throws ReplayRunningException when a replay of the topic is running elsewhere
	 */
	public Replay replay(DeadLetterTopic topic, int limit) {
		return replay(topic, limit, (jdbc, replay) -> {
		});
	}

	/**
	 * Sends up to {@code limit} pending dead letters back to their consumer group, and
	 * runs {@code alsoRecord} in the transaction that records the progress (an operator's
	 * audit row, say): both are committed, or neither.
	 * @throws ReplayRunningException when a replay of the topic is running elsewhere
	 */
	public Replay replay(DeadLetterTopic topic, int limit, BiConsumer<JdbcClient, Replay> alsoRecord) {
		return this.replay.replay(topic, limit, alsoRecord);
	}

	/**
	 * Marks the first pending dead letter of a partition as handled without sending it
	 * back: for a record no fix will make acceptable (a producer's bug), which a replay
	 * would only park again. Only the first pending record of the partition can be
	 * discarded, so that nothing is passed over unseen.
	 * @param partition its partition in the dead-letter topic
	 * @param offset its offset, the first pending one of the partition
	 * @return what was discarded
	 * @throws ReplayRunningException when a replay of the topic is running
	 * @throws NotFirstPendingException when the offset is not the first pending one
	 */
	public DeadLetter discard(DeadLetterTopic topic, int partition, long offset) {
		return discard(topic, partition, offset, (jdbc, discarded) -> {
		});
	}

	/**
	 * Discards the first pending dead letter of a partition
	 * ({@link #discard(DeadLetterTopic, int, long)}) and runs {@code alsoRecord} in the
	 * transaction that records it: both are committed, or neither.
	 */
	public DeadLetter discard(DeadLetterTopic topic, int partition, long offset,
			BiConsumer<JdbcClient, DeadLetter> alsoRecord) {
		return this.discard.discard(topic, partition, offset, alsoRecord);
	}

}
