package dev.vestline.console.live;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Which partitions the console's consumer reads. Each assigned partition's position is
 * looked up at once (the latest offset, as no offsets are committed), so that once a
 * partition counts as read, every record written to it later reaches the pages.
 */
class Assignment implements ConsumerAwareRebalanceListener {

	private final Set<TopicPartition> partitions = ConcurrentHashMap.newKeySet();

	@Override
	public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> assigned) {
		assigned.forEach(consumer::position);
		this.partitions.addAll(assigned);
	}

	@Override
	public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> revoked) {
		this.partitions.removeAll(revoked);
	}

	@Override
	public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> lost) {
		this.partitions.removeAll(lost);
	}

	boolean any() {
		return !this.partitions.isEmpty();
	}

}
