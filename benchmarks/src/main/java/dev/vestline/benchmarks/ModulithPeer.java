package dev.vestline.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vestline.testharness.SchemaUnderTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Modulith's event externalization to Kafka with the JDBC event publication
 * registry, as its reference documentation sets it up: an application event published in
 * a transaction is recorded in {@code event_publication}, sent to Kafka after commit by
 * {@code spring-modulith-events-kafka} and marked completed when the broker acknowledged.
 * A backlog is drained by {@link IncompleteEventPublications}, the registry's own
 * resubmission.
 */
final class ModulithPeer {

	static final String NAME = "Spring Modulith 2.0.3 (JDBC registry)";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ModulithPeer() {
	}

	static double drain(Lab lab, int events, int accounts, String topic) {
		try (SchemaUnderTest schema = lab.schema();
				ConfigurableApplicationContext context = start(lab, schema, lab.topic(topic))) {
			JdbcClient jdbc = JdbcClient.create(schema.dataSource());
			publishOne(context, 0, accounts); // the registry's listener id, for the
												// backlog
			Stopwatch.awaitUntil(() -> incomplete(jdbc) == 0, Duration.ofSeconds(30), "Modulith probe");
			fillBacklog(jdbc, events, accounts);
			Stopwatch watch = Stopwatch.start();
			context.getBean(IncompleteEventPublications.class).resubmitIncompletePublications((publication) -> true);
			Stopwatch.awaitUntil(() -> incomplete(jdbc) == 0, Duration.ofMinutes(5), "Modulith drain");
			return watch.rate(events);
		}
	}

	static VestlineEndToEnd.Result endToEnd(Lab lab, Sizes sizes) {
		try (SchemaUnderTest schema = lab.schema();
				ConfigurableApplicationContext context = start(lab, schema, lab.topic("modulith-latency"))) {
			Latencies latencies = new Latencies();
			Effects effects = new Effects(schema.dataSource());
			TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
			try (LatencyConsumer consumer = new LatencyConsumer(lab, "modulith-latency",
					(records) -> applyPlain(transactions, effects, records), latencies)) {
				double achieved = Load.offer(sizes.rate(), sizes.seconds(), (sequence) -> {
					publishOne(context, sequence, sizes.accounts());
					latencies.committed(sequence);
				});
				Stopwatch.awaitUntil(() -> latencies.appliedCount() >= latencies.committedCount(),
						Duration.ofSeconds(60), "Modulith end to end");
				return new VestlineEndToEnd.Result(achieved,
						latencies.percentiles((long) sizes.rate() * sizes.warmupSeconds()), Double.NaN, Double.NaN);
			}
		}
	}

	/**
	 * A consumer without an inbox (the peers have none): one effect row per record, one
	 * transaction per batch.
	 */
	static List<Long> applyPlain(TransactionTemplate transactions, Effects effects,
			List<ConsumerRecord<String, byte[]>> records) {
		List<Long> sequences = new ArrayList<>(records.size());
		transactions.executeWithoutResult((status) -> {
			for (ConsumerRecord<String, byte[]> record : records) {
				JsonNode event = JSON.readTree(record.value());
				effects.apply(event.get("account").asString(), event.get("sequence").asLong());
				sequences.add(event.get("sequence").asLong());
			}
		});
		return sequences;
	}

	private static void publishOne(ConfigurableApplicationContext context, long sequence, int accounts) {
		ApplicationEventPublisher publisher = context;
		context.getBean(TransactionTemplate.class)
			.executeWithoutResult((status) -> publisher.publishEvent(PositionRevalued.of(sequence, accounts)));
	}

	private static long incomplete(JdbcClient jdbc) {
		return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
			.query(Long.class)
			.single();
	}

	/**
	 * The rows the registry writes, with the JSON its Jackson serializer writes, in the
	 * state its staleness monitor leaves publications that were never completed (FAILED,
	 * one attempt): the ones {@code resubmitIncompletePublications} picks up.
	 */
	private static void fillBacklog(JdbcClient jdbc, int events, int accounts) {
		jdbc.sql("""
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
				                               status, completion_attempts)
				SELECT gen_random_uuid(), probe.listener_id, probe.event_type,
				       '{"account":"acc-' || (i % :accounts) || '","sequence":' || i || ',"memo":"' || MEMO_SQL || '"}',
				       clock_timestamp(), 'FAILED', 1
				  FROM generate_series(1, :events) AS i,
				       (SELECT listener_id, event_type FROM event_publication LIMIT 1) AS probe
				""".replace("MEMO_SQL", PositionRevalued.SQL_MEMO))
			.param("accounts", accounts)
			.param("events", events)
			.update();
		jdbc.sql("ANALYZE event_publication").update();
	}

	private static ConfigurableApplicationContext start(Lab lab, SchemaUnderTest schema, String topic) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", schema.service().jdbcUrl());
		properties.put("spring.datasource.username", schema.service().username());
		properties.put("spring.datasource.password", schema.service().password());
		properties.put("spring.kafka.bootstrap-servers", lab.bootstrapServers());
		// the same producer tuning as Vestline's relay, so that only the outbox differs
		properties.put("spring.kafka.producer.compression-type", "lz4");
		properties.put("spring.kafka.producer.batch-size", "256KB");
		properties.put("spring.kafka.producer.properties.linger.ms", "5");
		properties.put("spring.modulith.events.jdbc.schema-initialization.enabled", "true");
		properties.put("spring.flyway.enabled", "false");
		// Vestline's and namastack's auto-configurations share the class path, not this
		// context
		properties.put("spring.autoconfigure.exclude",
				String.join(",", "dev.vestline.messaging.autoconfigure.MessagingAutoConfiguration",
						"io.namastack.outbox.OutboxJacksonAutoConfiguration",
						"io.namastack.outbox.config.JdbcOutboxAutoConfiguration",
						"io.namastack.outbox.config.JdbcOutboxSchemaAutoConfiguration",
						"io.namastack.outbox.config.OutboxCoreInfrastructureAutoConfiguration",
						"io.namastack.outbox.config.OutboxCoreMulticasterAutoConfiguration",
						"io.namastack.outbox.config.OutboxCoreProcessingAutoConfiguration",
						"io.namastack.outbox.config.OutboxCoreSchedulingAutoConfiguration",
						"io.namastack.outbox.config.OutboxCoreThreadingAutoConfiguration"));
		properties.put("bench.topic", topic);
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.bannerMode(org.springframework.boot.Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties(properties)
			.run();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

		@Bean
		EventExternalizationConfiguration eventExternalizationConfiguration(Environment environment) {
			String topic = environment.getRequiredProperty("bench.topic");
			return EventExternalizationConfiguration.externalizing()
				.selectByType(PositionRevalued.class)
				.route(PositionRevalued.class, (event) -> RoutingTarget.forTarget(topic).andKey(event.account()))
				.build();
		}

		@Bean
		TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
			return new TransactionTemplate(transactionManager);
		}

	}

}
