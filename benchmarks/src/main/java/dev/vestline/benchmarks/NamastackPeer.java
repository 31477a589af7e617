package dev.vestline.benchmarks;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import dev.vestline.events.EventJson;
import dev.vestline.testharness.SchemaUnderTest;
import io.namastack.outbox.Outbox;
import io.namastack.outbox.handler.OutboxRecordMetadata;
import io.namastack.outbox.handler.OutboxTypedHandler;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The namastack outbox starter (JDBC): {@code outbox.schedule(payload, key)} in the
 * business transaction; after commit, and by its poller for a backlog, each record is
 * handed to a handler, here one that sends it to Kafka with the relay's producer settings
 * and returns when the broker acknowledged it (a handler that returns has succeeded, and
 * the record is marked completed).
 */
final class NamastackPeer {

	static final String NAME = "namastack outbox 1.6.0 (JDBC)";

	private NamastackPeer() {
	}

	/**
	 * The backlog is scheduled through the library with its poller idle, then a fresh
	 * instance drains it; the rate is taken from the records' own completion times, so
	 * that Spring's start-up is not counted.
	 */
	static double drain(Lab lab, int events, int accounts, String topic) {
		try (SchemaUnderTest schema = lab.schema()) {
			lab.topic(topic);
			try (ConfigurableApplicationContext filling = start(lab, schema, topic, false)) {
				TransactionTemplate transactions = filling.getBean(TransactionTemplate.class);
				Outbox outbox = filling.getBean(Outbox.class);
				for (int from = 0; from < events; from += 1_000) {
					int first = from;
					transactions.executeWithoutResult((status) -> {
						for (int i = first; i < Math.min(first + 1_000, events); i++) {
							PositionRevalued event = PositionRevalued.of(i, accounts);
							outbox.schedule(event, event.account());
						}
					});
				}
			}
			JdbcClient jdbc = JdbcClient.create(schema.dataSource());
			try (ConfigurableApplicationContext draining = start(lab, schema, topic, true)) {
				Stopwatch.awaitUntil(() -> completed(jdbc) >= events, Duration.ofMinutes(5), "namastack drain");
			}
			double seconds = jdbc.sql("""
					SELECT extract(epoch FROM max(completed_at) - min(completed_at)) FROM outbox_record
					""").query(Double.class).single();
			return (events - 1) / seconds;
		}
	}

	static VestlineEndToEnd.Result endToEnd(Lab lab, Sizes sizes) {
		try (SchemaUnderTest schema = lab.schema();
				ConfigurableApplicationContext context = start(lab, schema, lab.topic("namastack-latency"), true)) {
			Latencies latencies = new Latencies();
			Effects effects = new Effects(schema.dataSource());
			TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
			Outbox outbox = context.getBean(Outbox.class);
			try (LatencyConsumer consumer = new LatencyConsumer(lab, "namastack-latency",
					(records) -> ModulithPeer.applyPlain(transactions, effects, records), latencies)) {
				double achieved = Load.offer(sizes.rate(), sizes.seconds(), (sequence) -> {
					PositionRevalued event = PositionRevalued.of(sequence, sizes.accounts());
					transactions.executeWithoutResult((status) -> outbox.schedule(event, event.account()));
					latencies.committed(sequence);
				});
				Stopwatch.awaitUntil(() -> latencies.appliedCount() >= latencies.committedCount(),
						Duration.ofSeconds(60), "namastack end to end");
				return new VestlineEndToEnd.Result(achieved,
						latencies.percentiles((long) sizes.rate() * sizes.warmupSeconds()), Double.NaN, Double.NaN);
			}
		}
	}

	private static long completed(JdbcClient jdbc) {
		return jdbc.sql("SELECT count(*) FROM outbox_record WHERE status = 'COMPLETED'").query(Long.class).single();
	}

	private static ConfigurableApplicationContext start(Lab lab, SchemaUnderTest schema, String topic,
			boolean processing) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", schema.service().jdbcUrl());
		properties.put("spring.datasource.username", schema.service().username());
		properties.put("spring.datasource.password", schema.service().password());
		properties.put("spring.flyway.enabled", "false");
		// Vestline's and Spring Modulith's auto-configurations share the class path, not
		// this context
		properties.put("spring.autoconfigure.exclude",
				String.join(",", "dev.vestline.messaging.autoconfigure.MessagingAutoConfiguration",
						"org.springframework.modulith.events.config.EventExternalizationAutoConfiguration",
						"org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
						"org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration",
						"org.springframework.modulith.events.kafka.KafkaEventExternalizerConfiguration",
						"org.springframework.modulith.events.kafka.KafkaJacksonConfiguration",
						"org.springframework.modulith.events.kafka.KafkaJackson2Configuration"));
		// throughput settings instead of the defaults (10 records every 2 s)
		properties.put("namastack.outbox.polling.batch-size", "500");
		properties.put("namastack.outbox.polling.fixed.interval", processing ? "100ms" : "1h");
		properties.put("namastack.outbox.processing.publish-after-save", String.valueOf(processing));
		properties.put("namastack.outbox.multicaster.publish-after-save", String.valueOf(processing));
		properties.put("bench.topic", topic);
		properties.put("bench.bootstrap-servers", lab.bootstrapServers());
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.bannerMode(org.springframework.boot.Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties(properties)
			.run();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableScheduling
	static class App {

		@Bean
		TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
			return new TransactionTemplate(transactionManager);
		}

		@Bean(destroyMethod = "close")
		KafkaProducer<String, byte[]> benchProducer(Environment environment) {
			return new KafkaProducer<>(RawProducer.config(environment.getRequiredProperty("bench.bootstrap-servers")),
					new StringSerializer(), new ByteArraySerializer());
		}

		@Bean
		KafkaHandler kafkaHandler(KafkaProducer<String, byte[]> benchProducer, Environment environment) {
			return new KafkaHandler(benchProducer, environment.getRequiredProperty("bench.topic"));
		}

	}

	/** Sends each record to Kafka and returns once the broker acknowledged it. */
	static class KafkaHandler implements OutboxTypedHandler<PositionRevalued> {

		private final KafkaProducer<String, byte[]> producer;

		private final String topic;

		KafkaHandler(KafkaProducer<String, byte[]> producer, String topic) {
			this.producer = producer;
			this.topic = topic;
		}

		@Override
		public void handle(PositionRevalued payload, OutboxRecordMetadata metadata) {
			try {
				this.producer.send(new ProducerRecord<>(this.topic, metadata.getKey(), EventJson.write(payload))).get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("Kafka did not acknowledge", ex);
			}
		}

	}

}
