package dev.vestline.billing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.vestline.events.DomainEvent;
import dev.vestline.events.EventJson;
import dev.vestline.messaging.cloudevents.CloudEventsKafkaBinding;
import dev.vestline.support.security.DevTokens;
import dev.vestline.testharness.RealInfrastructure;
import dev.vestline.testharness.mail.TestMailbox;
import dev.vestline.testharness.TestInfrastructure;
import dev.vestline.testharness.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * One Spring context for every billing integration test (same annotations, so it is
 * cached): the running server on real PostgreSQL and Kafka, plus helpers to call it, play
 * producers and read what it published.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "vestline.mail.poll-interval=100ms")
@RealInfrastructure(service = "billing")
@Import(TestMailbox.class)
public abstract class BillingIntegrationTest {

	protected static final DevTokens TOKENS = DevTokens.example();

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected TestInfrastructure infrastructure;

	private final List<ExecutorService> executors = new ArrayList<>();

	private KafkaProducer<String, byte[]> producer;

	@AfterEach
	void closeClients() {
		this.executors.forEach(ExecutorService::shutdownNow);
		if (this.producer != null) {
			this.producer.close();
		}
	}

	protected RestClient http() {
		return http(TOKENS.token("bea", "billing"));
	}

	protected RestClient http(String token) {
		return RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	protected ResponseEntity<JsonNode> post(String path, Object body) {
		return http().post().uri(path).body(body).retrieve().toEntity(JsonNode.class);
	}

	/**
	 * A command on a versioned resource, naming the version read ({@code null}: none).
	 */
	protected ResponseEntity<JsonNode> post(String path, @org.jspecify.annotations.Nullable String ifMatch,
			Object body) {
		var request = http().post().uri(path);
		if (ifMatch != null) {
			request.header(HttpHeaders.IF_MATCH, ifMatch);
		}
		return request.body(body).retrieve().toEntity(JsonNode.class);
	}

	/** The ETag a GET of the resource answers. */
	protected String etag(String path) {
		return get(path).getHeaders().getETag();
	}

	protected ResponseEntity<JsonNode> get(String path) {
		return http().get().uri(path).retrieve().toEntity(JsonNode.class);
	}

	protected void send(ProducerRecord<String, byte[]> record) throws Exception {
		if (this.producer == null) {
			this.producer = new KafkaProducer<>(
					Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.infrastructure.kafka().bootstrapServers()),
					new StringSerializer(), new ByteArraySerializer());
		}
		this.producer.send(record).get();
	}

	/** The record as a listener would receive it, for calling a listener directly. */
	protected static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> record) {
		return new ConsumerRecord<>(record.topic(), 0, 0L, System.currentTimeMillis(), TimestampType.CREATE_TIME, -1,
				-1, record.key(), record.value(), record.headers(), Optional.empty());
	}

	/** Runs the task on as many threads, all released at once by a barrier. */
	protected <T> List<Future<T>> race(int threads, Callable<T> task) {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		this.executors.add(executor);
		CyclicBarrier barrier = new CyclicBarrier(threads);
		List<Future<T>> futures = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			futures.add(executor.submit(() -> {
				barrier.await();
				return task.call();
			}));
		}
		return futures;
	}

	/** Everything of that type published on the topic so far that matches. */
	protected <E extends DomainEvent> List<E> published(String topic, Class<E> type,
			java.util.function.Predicate<E> filter, int atLeast) {
		try (TopicReader reader = new TopicReader(this.infrastructure.kafka().bootstrapServers(), topic)) {
			List<ConsumerRecord<String, byte[]>> records = reader
				.readUntil((all) -> decode(all, type, filter).size() >= atLeast, Duration.ofMinutes(2));
			if (atLeast == 0) {
				records = reader.readFor(Duration.ofSeconds(1));
			}
			return decode(records, type, filter);
		}
	}

	private static <E extends DomainEvent> List<E> decode(List<ConsumerRecord<String, byte[]>> records, Class<E> type,
			java.util.function.Predicate<E> filter) {
		List<E> events = new ArrayList<>();
		for (ConsumerRecord<String, byte[]> record : records) {
			var envelope = CloudEventsKafkaBinding.fromRecord(record);
			if (envelope.type().contains("." + type.getSimpleName() + ".")) {
				E event = EventJson.read(envelope.data(), type);
				if (filter.test(event)) {
					events.add(event);
				}
			}
		}
		return events;
	}

}
