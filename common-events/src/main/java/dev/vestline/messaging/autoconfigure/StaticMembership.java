package dev.vestline.messaging.autoconfigure;

import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Makes every listener's consumer a static member of its group
 * ({@code group.instance.id}), named after this instance, its group and its topics, so
 * that a restarted instance gets its partitions back as soon as it rejoins: the
 * coordinator recognises the member and hands it its old assignment, with no rebalance
 * and without first waiting for the killed member's session to time out. A dynamic member
 * that was killed holds its partitions until {@code session.timeout.ms}; restarted, it
 * joins as a new member, and its partitions move only once the old one expired.
 * <p>
 * The instance id must be stable across restarts of one instance and unique among the
 * running instances of a service: a pod name of a StatefulSet, or one the launcher gives.
 * Two running instances with one id fence each other, so without an id there is no static
 * membership. A container with more than one consumer (concurrency) stays dynamic: its
 * consumers would share the id.
 */
final class StaticMembership
		implements ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> {

	private static final Logger logger = LoggerFactory.getLogger(StaticMembership.class);

	private final String instanceId;

	StaticMembership(String instanceId) {
		this.instanceId = instanceId;
	}

	@Override
	public void configure(ConcurrentMessageListenerContainer<Object, Object> container) {
		if (container.getConcurrency() > 1) {
			logger.info("Listener {} runs {} consumers: they stay dynamic members of group {}",
					container.getListenerId(), container.getConcurrency(), container.getGroupId());
			return;
		}
		Properties properties = container.getContainerProperties().getKafkaConsumerProperties();
		properties.setProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, memberId(container));
	}

	/**
	 * {@code <instance>.<group>.<topics>}, in the characters Kafka takes, at most 249.
	 */
	String memberId(ConcurrentMessageListenerContainer<Object, Object> container) {
		String[] topics = container.getContainerProperties().getTopics();
		String id = this.instanceId + "." + container.getGroupId() + "." + ((topics != null)
				? Arrays.stream(topics).sorted().collect(Collectors.joining("+")) : container.getListenerId());
		String legal = id.replaceAll("[^a-zA-Z0-9._-]", "_");
		return (legal.length() <= 249) ? legal : legal.substring(0, 249);
	}

}
