package dev.vestline.messaging.deadletters;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.vestline.messaging.inbox.DeadLetterErrorHandler;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
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

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final Map<String, Object> consumerConfig;

	private final Map<String, Object> producerConfig;

	private final DataSource dataSource;

	private final Supplier<Set<DeadLetterTopic>> topics;

	private final MeterRegistry meters;

	/**
	 * @param consumerConfig the service's Kafka consumer settings
	 * @param producerConfig the service's Kafka producer settings
	 * @param dataSource the service's database, for the replay lock
	 * @param topics the dead-letter topics of this service's listeners
	 * @param meters counts replayed records
	 */
	public DeadLetters(Map<String, Object> consumerConfig, Map<String, Object> producerConfig, DataSource dataSource,
			Supplier<Set<DeadLetterTopic>> topics, MeterRegistry meters) {
		this.consumerConfig = consumerConfig;
		this.producerConfig = producerConfig;
		this.dataSource = dataSource;
		this.topics = topics;
		this.meters = meters;
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
		try (KafkaConsumer<String, byte[]> consumer = consumer(topic)) {
			Map<TopicPartition, long[]> ranges = pendingRanges(consumer, topic, JdbcClient.create(this.dataSource));
			return ranges.values().stream().mapToLong((range) -> range[1] - range[0]).sum();
		}
	}

	/**
	 * @param limit at most this many
	 * @return the dead letters not replayed yet, oldest first per partition
	 */
	public List<DeadLetter> pending(DeadLetterTopic topic, int limit) {
		try (KafkaConsumer<String, byte[]> consumer = consumer(topic)) {
			return read(consumer, topic, limit, JdbcClient.create(this.dataSource)).stream()
				.map(DeadLetter::of)
				.toList();
		}
	}

	/**
	 * Sends up to {@code limit} pending dead letters back to their consumer group.
	 * @throws ReplayRunningException when a replay of the topic is running elsewhere
	 */
	public Replay replay(DeadLetterTopic topic, int limit) {
		return locked(topic, (jdbc) -> replayLocked(topic, limit, jdbc));
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
		if (partition < 0 || offset < 0) {
			throw new IllegalArgumentException("A partition and an offset are 0 or more");
		}
		return locked(topic, (jdbc) -> {
			try (KafkaConsumer<String, byte[]> consumer = consumer(topic)) {
				TopicPartition target = new TopicPartition(topic.name(), partition);
				long[] range = pendingRanges(consumer, topic, jdbc).get(target);
				long first = (range != null && range[0] < range[1]) ? range[0] : -1;
				if (first != offset) {
					throw new NotFirstPendingException(topic.name(), partition, offset, first);
				}
				DeadLetter discarded = DeadLetter.of(readOne(consumer, target, offset));
				DeadLetterProgress.advance(jdbc, topic, partition, offset + 1);
				this.meters.counter("vestline.dead-letters.discarded", "topic", topic.name()).increment();
				return discarded;
			}
		});
	}

	private static ConsumerRecord<String, byte[]> readOne(KafkaConsumer<String, byte[]> consumer,
			TopicPartition partition, long offset) {
		consumer.assign(List.of(partition));
		consumer.seek(partition, offset);
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
				if (record.offset() == offset) {
					return record;
				}
			}
		}
		throw new IllegalStateException("Could not read " + partition + " at " + offset + " within " + TIMEOUT);
	}

	/**
	 * Runs work holding the topic's replay lock, taken across every replica, in a
	 * transaction that commits the progress it wrote when it succeeds.
	 */
	private <T> T locked(DeadLetterTopic topic, Function<JdbcClient, T> work) {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			boolean done = false;
			try {
				if (!tryLock(connection, topic)) {
					throw new ReplayRunningException(topic.name());
				}
				T result = work.apply(JdbcClient.create(new SingleConnectionDataSource(connection, true)));
				done = true;
				return result;
			}
			finally {
				// ends the transaction, which frees the lock
				if (done) {
					connection.commit();
				}
				else {
					connection.rollback();
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not take the replay lock of " + topic.name(), ex);
		}
	}

	private Replay replayLocked(DeadLetterTopic topic, int limit, JdbcClient jdbc) {
		try (KafkaConsumer<String, byte[]> consumer = consumer(topic);
				KafkaProducer<String, byte[]> producer = new KafkaProducer<>(this.producerConfig,
						new StringSerializer(), new ByteArraySerializer())) {
			List<ConsumerRecord<String, byte[]>> dead = read(consumer, topic, limit, jdbc);
			List<Future<RecordMetadata>> sent = new ArrayList<>(dead.size());
			Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
			for (ConsumerRecord<String, byte[]> record : dead) {
				sent.add(producer.send(new ProducerRecord<>(topic.topic(), null, record.key(), record.value(),
						replayHeaders(record, topic))));
				done.put(new TopicPartition(record.topic(), record.partition()),
						new OffsetAndMetadata(record.offset() + 1));
			}
			producer.flush();
			for (Future<RecordMetadata> future : sent) {
				future.get();
			}
			done.forEach(
					(partition, next) -> DeadLetterProgress.advance(jdbc, topic, partition.partition(), next.offset()));
			this.meters.counter("vestline.dead-letters.replayed", "topic", topic.name()).increment(dead.size());
			return new Replay(topic.name(), dead.stream().map(DeadLetter::of).toList());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while replaying " + topic.name(), ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Kafka refused a replayed record of " + topic.name()
					+ "; nothing was marked replayed, the next replay sends them again", ex.getCause());
		}
	}

	/**
	 * The original headers (ce_* and traceparent), without the dead-letter ones, plus who
	 * the record is for and where it was parked.
	 */
	private static RecordHeaders replayHeaders(ConsumerRecord<String, byte[]> record, DeadLetterTopic topic) {
		RecordHeaders headers = new RecordHeaders();
		for (Header header : record.headers()) {
			String key = header.key();
			if (!key.startsWith("kafka_dlt-") && !key.equals(DeadLetterErrorHandler.REASON_HEADER)
					&& !key.equals(DeadLetterErrorHandler.REPLAY_FOR_HEADER)
					&& !key.equals(DeadLetterErrorHandler.REPLAYED_FROM_HEADER)) {
				headers.add(header);
			}
		}
		headers.add(DeadLetterErrorHandler.REPLAY_FOR_HEADER, topic.consumerGroup().getBytes(StandardCharsets.UTF_8));
		headers.add(DeadLetterErrorHandler.REPLAYED_FROM_HEADER,
				(record.topic() + "/" + record.partition() + "/" + record.offset()).getBytes(StandardCharsets.UTF_8));
		return headers;
	}

	/** Reads the pending records, up to the end offsets as they were when it began. */
	private List<ConsumerRecord<String, byte[]>> read(KafkaConsumer<String, byte[]> consumer, DeadLetterTopic topic,
			int limit, JdbcClient jdbc) {
		Map<TopicPartition, long[]> ranges = pendingRanges(consumer, topic, jdbc);
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		Map<TopicPartition, long[]> open = new LinkedHashMap<>();
		ranges.forEach((partition, range) -> {
			if (range[0] < range[1]) {
				consumer.seek(partition, range[0]);
				open.put(partition, range);
			}
		});
		consumer.pause(ranges.keySet().stream().filter((partition) -> !open.containsKey(partition)).toList());
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (!open.isEmpty() && records.size() < limit) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Could not read " + topic.name() + " within " + TIMEOUT);
			}
			for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
				TopicPartition partition = new TopicPartition(record.topic(), record.partition());
				long[] range = open.get(partition);
				if (range != null && record.offset() < range[1] && records.size() < limit) {
					records.add(record);
				}
			}
			for (TopicPartition partition : List.copyOf(open.keySet())) {
				if (consumer.position(partition) >= open.get(partition)[1]) {
					open.remove(partition);
					consumer.pause(List.of(partition));
				}
			}
		}
		return records;
	}

	/**
	 * Per partition of the dead-letter topic: the first offset not replayed and the end.
	 * A topic that does not exist yet has no partitions.
	 */
	private static Map<TopicPartition, long[]> pendingRanges(KafkaConsumer<String, byte[]> consumer,
			DeadLetterTopic topic, JdbcClient jdbc) {
		Map<Integer, Long> progress = DeadLetterProgress.of(jdbc, topic);
		List<PartitionInfo> infos = consumer.partitionsFor(topic.name(), TIMEOUT);
		if (infos == null || infos.isEmpty()) {
			return Map.of();
		}
		List<TopicPartition> partitions = infos.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.sorted(Comparator.comparingInt(TopicPartition::partition))
			.toList();
		consumer.assign(partitions);
		Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions), TIMEOUT);
		Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, TIMEOUT);
		Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
		Map<TopicPartition, long[]> ranges = new LinkedHashMap<>();
		for (TopicPartition partition : partitions) {
			// an offset committed by a replay from before the progress table counts too
			OffsetAndMetadata committedBefore = committed.get(partition);
			long replayed = Math.max(progress.getOrDefault(partition.partition(), 0L),
					(committedBefore != null) ? committedBefore.offset() : 0);
			long from = Math.max(beginning.get(partition), replayed);
			ranges.put(partition, new long[] { from, Math.max(from, end.get(partition)) });
		}
		return ranges;
	}

	private KafkaConsumer<String, byte[]> consumer(DeadLetterTopic topic) {
		Map<String, Object> config = new HashMap<>(this.consumerConfig);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, topic.replayGroup());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.remove(ConsumerConfig.CLIENT_ID_CONFIG);
		return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
	}

	private static boolean tryLock(Connection connection, DeadLetterTopic topic) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT pg_try_advisory_xact_lock(hashtext('vestline.dead-letters'), hashtext(?))")) {
			statement.setString(1, topic.name());
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getBoolean(1);
			}
		}
	}

}
