package dev.vestline.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What the broker holds, read with an admin client: dead-lettered records and the
 * services' consumer lag.
 */
final class BrokerState implements AutoCloseable {

	private final Admin admin;

	BrokerState(String bootstrapServers) {
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
	}

	/**
	 * @return the records on every dead-letter topic ({@code *.dlt}), by topic
	 */
	Map<String, Long> deadLetters() throws ExecutionException, InterruptedException {
		Set<String> dlts = this.admin.listTopics()
			.names()
			.get()
			.stream()
			.filter((name) -> name.endsWith(".dlt"))
			.collect(Collectors.toSet());
		Map<String, Long> records = new HashMap<>();
		for (TopicPartition partition : partitions(dlts)) {
			long count = offsets(List.of(partition), OffsetSpec.latest()).get(partition)
					- offsets(List.of(partition), OffsetSpec.earliest()).get(partition);
			records.merge(partition.topic(), count, Long::sum);
		}
		dlts.forEach((topic) -> records.putIfAbsent(topic, 0L));
		return records;
	}

	/**
	 * @param group a consumer group
	 * @return how many records of the group's partitions it has not committed yet
	 */
	long lag(String group) throws ExecutionException, InterruptedException {
		Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(group)
			.partitionsToOffsetAndMetadata()
			.get();
		Map<TopicPartition, Long> ends = offsets(committed.keySet(), OffsetSpec.latest());
		return committed.entrySet()
			.stream()
			.mapToLong((entry) -> ends.get(entry.getKey()) - entry.getValue().offset())
			.sum();
	}

	private List<TopicPartition> partitions(Set<String> topics) throws ExecutionException, InterruptedException {
		Map<String, TopicDescription> descriptions = this.admin.describeTopics(topics).allTopicNames().get();
		return descriptions.values()
			.stream()
			.flatMap((d) -> d.partitions().stream().map((p) -> new TopicPartition(d.name(), p.partition())))
			.toList();
	}

	private Map<TopicPartition, Long> offsets(java.util.Collection<TopicPartition> partitions, OffsetSpec spec)
			throws ExecutionException, InterruptedException {
		Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap((p) -> p, (p) -> spec));
		Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = this.admin.listOffsets(request)
			.all()
			.get();
		Map<TopicPartition, Long> offsets = new HashMap<>();
		result.forEach((partition, info) -> offsets.put(partition, info.offset()));
		return offsets;
	}

	@Override
	public void close() {
		this.admin.close();
	}

}
