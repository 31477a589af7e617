package dev.vestline.messaging.deadletters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads what is pending in a dead-letter topic: per partition, from the first offset not
 * replayed or discarded (the {@code dead_letter_progress} row, or an offset a replay
 * committed before that table existed) to the end as it was when the read began.
 */
final class PendingDeadLetters {

	static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final Map<String, Object> consumerConfig;

	private final DataSource dataSource;

	PendingDeadLetters(Map<String, Object> consumerConfig, DataSource dataSource) {
		this.consumerConfig = consumerConfig;
		this.dataSource = dataSource;
	}

	/** How many dead letters of the topic have not been replayed. */
	long count(DeadLetterTopic topic) {
		try (KafkaConsumer<String, byte[]> consumer = consumer(topic)) {
			Map<TopicPartition, long[]> ranges = pendingRanges(consumer, topic, JdbcClient.create(this.dataSource));
			return ranges.values().stream().mapToLong((range) -> range[1] - range[0]).sum();
		}
	}

	/**
	 * The dead letters not replayed yet, oldest first per partition, at most
	 * {@code limit}.
	 */
	List<DeadLetter> list(DeadLetterTopic topic, int limit) {
		try (KafkaConsumer<String, byte[]> consumer = consumer(topic)) {
			return read(consumer, topic, limit, JdbcClient.create(this.dataSource)).stream()
				.map(DeadLetter::of)
				.toList();
		}
	}

	/** The record at that offset of the partition. */
	static ConsumerRecord<String, byte[]> readOne(KafkaConsumer<String, byte[]> consumer, TopicPartition partition,
			long offset) {
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

	/** Reads the pending records, up to the end offsets as they were when it began. */
	List<ConsumerRecord<String, byte[]>> read(KafkaConsumer<String, byte[]> consumer, DeadLetterTopic topic, int limit,
			JdbcClient jdbc) {
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
	static Map<TopicPartition, long[]> pendingRanges(KafkaConsumer<String, byte[]> consumer, DeadLetterTopic topic,
			JdbcClient jdbc) {
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

	KafkaConsumer<String, byte[]> consumer(DeadLetterTopic topic) {
		Map<String, Object> config = new HashMap<>(this.consumerConfig);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, topic.replayGroup());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.remove(ConsumerConfig.CLIENT_ID_CONFIG);
		return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
	}

}
