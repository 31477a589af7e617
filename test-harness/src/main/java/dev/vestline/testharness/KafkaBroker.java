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
	 * @return a broker on a free port, of the selected infrastructure
	 */
	static KafkaBroker start() {
		return start(0);
	}

	/**
	 * @param port the port to listen on, {@code 0} for any free port (a fixed port lets a
	 * test bring a broker back where clients expect it)
	 * @return a running broker
	 */
	static KafkaBroker start(int port) {
		return switch (Infrastructure.selected()) {
			case EMBEDDED -> Embedded.start(port);
			case TESTCONTAINERS -> Container.start();
		};
	}

	/** spring-kafka-test's embedded KRaft broker. */
	record Embedded(EmbeddedKafkaKraftBroker broker) implements KafkaBroker {

		static Embedded start(int port) {
			EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
			if (port != 0) {
				broker.kafkaPorts(port);
			}
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
