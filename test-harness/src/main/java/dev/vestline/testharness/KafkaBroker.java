package dev.vestline.testharness;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A real Kafka broker (KRaft): spring-kafka-test's in-JVM broker, or a container.
 */
public sealed interface KafkaBroker extends AutoCloseable {

	/** Partitions of every auto-created topic: enough to exercise per-key ordering. */
	int PARTITIONS = 4;

	/**
	 * @return the bootstrap servers, {@code host:port}
	 */
	String bootstrapServers();

	/** Stops the broker; its data is gone. */
	@Override
	void close();

	/**
	 * @return a broker on a free port, of the selected infrastructure (for a broker on
	 * fixed ports, to bring it back where clients expect it, use
	 * {@link StandaloneKafkaBroker})
	 */
	static KafkaBroker start() {
		return switch (Infrastructure.selected()) {
			case EMBEDDED -> Embedded.start();
			case TESTCONTAINERS -> Container.start();
		};
	}

	/** spring-kafka-test's embedded KRaft broker. */
	record Embedded(EmbeddedKafkaKraftBroker broker) implements KafkaBroker {

		static Embedded start() {
			EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
			broker.brokerProperties(Map.of("auto.create.topics.enable", "true", "num.partitions",
					String.valueOf(PARTITIONS), "group.initial.rebalance.delay.ms", "0",
					"transaction.state.log.replication.factor", "1", "offsets.topic.num.partitions", "4"));
			broker.afterPropertiesSet();
			return new Embedded(broker);
		}

		@Override
		public String bootstrapServers() {
			return this.broker.getBrokersAsString();
		}

		@Override
		public void close() {
			this.broker.destroy();
		}

	}

	/** The official Apache Kafka image, where a Docker engine is available. */
	record Container(KafkaContainer container) implements KafkaBroker {

		static Container start() {
			KafkaContainer container = new KafkaContainer("apache/kafka-native:4.1.0").withEnv("KAFKA_NUM_PARTITIONS",
					String.valueOf(PARTITIONS));
			container.start();
			return new Container(container);
		}

		@Override
		public String bootstrapServers() {
			return this.container.getBootstrapServers();
		}

		@Override
		public void close() {
			this.container.stop();
		}

	}

}
