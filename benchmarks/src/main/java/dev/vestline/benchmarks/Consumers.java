package dev.vestline.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Kafka consumers as a service's listener container would run them: manual offset commit
 * after the batch's database transaction, all partitions of the topic assigned (no group
 * rebalance inside a measurement).
 */
final class Consumers {

	private Consumers() {
	}

	static KafkaConsumer<String, byte[]> fromBeginning(Lab lab, String topic) {
		KafkaConsumer<String, byte[]> consumer = create(lab);
		List<TopicPartition> partitions = partitions(topic);
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
		partitions.forEach(consumer::position);
		return consumer;
	}

	static KafkaConsumer<String, byte[]> fromEnd(Lab lab, String topic) {
		KafkaConsumer<String, byte[]> consumer = create(lab);
		List<TopicPartition> partitions = partitions(topic);
		consumer.assign(partitions);
		consumer.seekToEnd(partitions);
		partitions.forEach(consumer::position);
		return consumer;
	}

	static List<ConsumerRecord<String, byte[]>> list(ConsumerRecords<String, byte[]> records) {
		List<ConsumerRecord<String, byte[]>> list = new ArrayList<>(records.count());
		records.forEach(list::add);
		return list;
	}

	private static KafkaConsumer<String, byte[]> create(Lab lab) {
		return new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, lab.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
						"bench-" + UUID.randomUUID(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
						ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500),
				new StringDeserializer(), new ByteArrayDeserializer());
	}

	private static List<TopicPartition> partitions(String topic) {
		List<TopicPartition> partitions = new ArrayList<>();
		for (int p = 0; p < Lab.PARTITIONS; p++) {
			partitions.add(new TopicPartition(topic, p));
		}
		return partitions;
	}

}
