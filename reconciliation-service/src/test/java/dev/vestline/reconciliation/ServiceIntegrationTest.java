package dev.vestline.reconciliation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.vestline.events.DomainEvent;
import dev.vestline.events.EventJson;
import dev.vestline.messaging.cloudevents.CloudEventsKafkaBinding;
import dev.vestline.messaging.cloudevents.EventEnvelope;
import dev.vestline.messaging.cloudevents.EventRecords;
import dev.vestline.testharness.RealInfrastructure;
import dev.vestline.testharness.TestInfrastructure;
import dev.vestline.testharness.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the service's integration tests share: one Spring context on the harness's real
 * PostgreSQL and Kafka (same annotations, so the context is cached), an HTTP client for
 * the running server, a producer that plays the other services, and a race helper.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(service = "reconciliation")
public abstract class ServiceIntegrationTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected TestInfrastructure infrastructure;

	protected Api api;

	protected Scenario scenario;

	private KafkaProducer<String, byte[]> producer;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.infrastructure.kafka().bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer());
		this.scenario = new Scenario(this.api, this.jdbc, this::publish);
	}

	@AfterEach
	void disconnect() {
		this.producer.close();
	}

	/** Publishes an event as its producing service's relay would, with the given id. */
	protected void publish(DomainEvent event, UUID id) {
		try {
			this.producer.send(EventRecords.record(event, id, null)).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Sends a raw record, e.g. a poison one. */
	protected void send(ProducerRecord<String, byte[]> record) {
		try {
			this.producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Reads a topic from its beginning until the condition holds on the decoded events.
	 */
	protected List<Published> awaitPublished(String topic, java.util.function.Predicate<List<Published>> condition) {
		try (TopicReader reader = new TopicReader(this.infrastructure.kafka().bootstrapServers(), topic)) {
			return decode(reader.readUntil((records) -> condition.test(decode(records)), Duration.ofMinutes(2)));
		}
	}

	/** Reads a topic for a while, to assert that nothing more arrived. */
	protected List<Published> readPublished(String topic, Duration duration) {
		try (TopicReader reader = new TopicReader(this.infrastructure.kafka().bootstrapServers(), topic)) {
			return decode(reader.readFor(duration));
		}
	}

	private static List<Published> decode(List<ConsumerRecord<String, byte[]>> records) {
		return records.stream().map((record) -> {
			EventEnvelope envelope = CloudEventsKafkaBinding.fromRecord(record);
			String type = envelope.type();
			return new Published(record.key(), type, envelope.data());
		}).toList();
	}

	/** Runs the task on many threads released at once by a barrier. */
	protected static <T> List<T> race(int threads, Callable<T> task) throws Exception {
		CyclicBarrier barrier = new CyclicBarrier(threads);
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			List<Future<T>> futures = new java.util.ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(pool.submit(() -> {
					barrier.await();
					return task.call();
				}));
			}
			List<T> results = new java.util.ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
	}

	/**
	 * An event read from a topic.
	 *
	 * @param key the record key
	 * @param type the ce_type
	 * @param data the JSON payload
	 */
	public record Published(String key, String type, byte[] data) {

		public boolean is(Class<? extends DomainEvent> event) {
			return this.type.contains("." + event.getSimpleName() + ".");
		}

		public <E extends DomainEvent> E as(Class<E> event) {
			return EventJson.read(this.data, event);
		}

	}

}
