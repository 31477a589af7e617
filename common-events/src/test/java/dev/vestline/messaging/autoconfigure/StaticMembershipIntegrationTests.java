package dev.vestline.messaging.autoconfigure;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.vestline.testharness.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A listener's consumer that is killed (gone without leaving its group) and started again
 * under the same instance id gets its partitions back as soon as it rejoins, not after
 * the old member's session timed out.
 */
class StaticMembershipIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(StaticMembershipIntegrationTests.class);

	KafkaBroker kafka;

	String topic = "ledger.static-" + UUID.randomUUID();

	final List<String> received = new CopyOnWriteArrayList<>();

	@BeforeEach
	void setUp() throws Exception {
		this.kafka = KafkaBroker.start();
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka.bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(this.topic, 4, (short) 1))).all().get();
		}
	}

	@AfterEach
	void tearDown() {
		this.kafka.close();
	}

	@Test
	void namesEachSingleConsumerListenerAfterTheInstanceItsGroupAndTopicsAndLeavesConcurrentOnesDynamic() {
		StaticMembership membership = new StaticMembership("billing-0");
		ConcurrentMessageListenerContainer<Object, Object> single = container("billing", 1);
		ConcurrentMessageListenerContainer<Object, Object> concurrent = container("billing", 2);

		membership.configure(single);
		membership.configure(concurrent);

		assertThat(single.getContainerProperties().getKafkaConsumerProperties())
			.containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "billing-0.billing." + this.topic);
		assertThat(concurrent.getContainerProperties().getKafkaConsumerProperties())
			.doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
	}

	@Test
	void aKilledAndRestartedStaticMemberResumesItsPartitionsAtOnce() throws Exception {
		String group = "static-" + UUID.randomUUID();
		StaticMembership membership = new StaticMembership("billing-0");
		ConcurrentMessageListenerContainer<Object, Object> first = container(group, 1);
		membership.configure(first);
		first.start();
		send("before");
		await().atMost(Duration.ofSeconds(60)).until(() -> count("before") == 4);

		// killed: its consumer goes away without leaving the group, as a process does
		// (a static member never sends LeaveGroup when it closes)
		first.stop();
		long restarted = System.nanoTime();
		ConcurrentMessageListenerContainer<Object, Object> second = container(group, 1);
		membership.configure(second);
		second.start();
		try {
			send("after");
			await().atMost(Duration.ofSeconds(60)).until(() -> count("after") == 4);
			logger.info("Measured: the restarted member consumed {} ms after it started (session timeout {} ms)",
					Duration.ofNanos(System.nanoTime() - restarted).toMillis(), SESSION_TIMEOUT_MS);
		}
		finally {
			second.stop();
		}
	}

	private static final int SESSION_TIMEOUT_MS = 15_000;

	private long count(String value) {
		return this.received.stream().filter(value::equals).count();
	}

	private ConcurrentMessageListenerContainer<Object, Object> container(String group, int concurrency) {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka.bootstrapServers());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
		config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		ContainerProperties properties = new ContainerProperties(this.topic);
		properties.setGroupId(group);
		properties.setMessageListener(
				(MessageListener<Object, Object>) (ConsumerRecord<Object, Object> record) -> this.received
					.add(String.valueOf(record.value())));
		ConcurrentMessageListenerContainer<Object, Object> container = new ConcurrentMessageListenerContainer<>(
				new DefaultKafkaConsumerFactory<Object, Object>(config), properties);
		container.setConcurrency(concurrency);
		return container;
	}

	private void send(String value) throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka.bootstrapServers()), new StringSerializer(),
				new StringSerializer())) {
			// every partition, so that the restarted member must own them all to see it
			for (int partition = 0; partition < 4; partition++) {
				producer.send(new ProducerRecord<>(this.topic, partition, null, value)).get();
			}
		}
	}

}
