package dev.vestline.testharness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its beginning, as a test's independent witness of what was
 * published. It uses no consumer group (it assigns every partition itself), so it
 * disturbs no one.
 */
public final class TopicReader implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

	/**
	 * @param bootstrapServers the broker
	 * @param topic the topic to read, created if it does not exist yet
	 */
	public TopicReader(String bootstrapServers, String topic) {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.CLIENT_ID_CONFIG,
						"topic-reader-" + UUID.randomUUID(), ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, true),
				new StringDeserializer(), new ByteArrayDeserializer());
		List<TopicPartition> partitions = awaitPartitions(topic);
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
	}

	private List<TopicPartition> awaitPartitions(String topic) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			var infos = this.consumer.partitionsFor(topic, Duration.ofSeconds(5));
			if (infos != null && !infos.isEmpty()) {
				return infos.stream().map((info) -> new TopicPartition(topic, info.partition())).toList();
			}
		}
		throw new IllegalStateException("Topic " + topic + " has no partitions");
	}

	/**
	 * Polls until the records read so far satisfy the condition.
	 * @param condition on all records read from the beginning
	 * @param timeout how long to wait at most
	 * @return all records read so far, in the order read (per partition: log order)
	 * @throws AssertionError when the condition is not met in time
	 */
	public List<ConsumerRecord<String, byte[]>> readUntil(Predicate<List<ConsumerRecord<String, byte[]>>> condition,
			Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.test(this.records)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("After " + timeout + ", read " + this.records.size()
						+ " records and the condition still does not hold");
			}
			this.consumer.poll(Duration.ofMillis(100)).forEach(this.records::add);
		}
		return List.copyOf(this.records);
	}

	/**
	 * Polls for a while and returns everything read: for asserting that something did NOT
	 * arrive, after a later record proved the producer had moved on.
	 * @param duration how long to poll
	 * @return all records read so far
	 */
	public List<ConsumerRecord<String, byte[]>> readFor(Duration duration) {
		long deadline = System.nanoTime() + duration.toNanos();
		while (System.nanoTime() < deadline) {
			this.consumer.poll(Duration.ofMillis(100)).forEach(this.records::add);
		}
		return List.copyOf(this.records);
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
