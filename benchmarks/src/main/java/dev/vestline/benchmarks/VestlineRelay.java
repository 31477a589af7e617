package dev.vestline.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import dev.vestline.messaging.outbox.OutboxMetrics;
import dev.vestline.messaging.outbox.OutboxRelay;
import dev.vestline.messaging.outbox.RelaySettings;
import dev.vestline.testharness.SchemaUnderTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Vestline's relay draining a pre-filled outbox to Kafka: from {@code start()} until the
 * broker acknowledged every event and the relay counted it published.
 */
final class VestlineRelay {

	private VestlineRelay() {
	}

	static RelaySettings settings(Sizes sizes) {
		return settings(sizes, sizes.relayDepth());
	}

	static RelaySettings settings(Sizes sizes, int pipelineDepth) {
		RelaySettings defaults = RelaySettings.defaults();
		return new RelaySettings(sizes.relayBatch(), pipelineDepth, defaults.pollBeforeSleeping(),
				defaults.fallbackPoll(), defaults.takeoverInterval(), defaults.initialBackoff(), defaults.maxBackoff());
	}

	static double drain(Lab lab, Sizes sizes, String topic) {
		return drain(lab, sizes, topic, sizes.relayDepth());
	}

	/**
	 * @param pipelineDepth batches in flight at most; 1 is the relay as it was before
	 * pipelining: claim, send and await, mark, one after another
	 */
	static double drain(Lab lab, Sizes sizes, String topic, int pipelineDepth) {
		try (SchemaUnderTest schema = lab.schema()) {
			OutboxBacklog.fill(schema.dataSource(), lab.topic(topic), sizes);
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			OutboxMetrics metrics = new OutboxMetrics(schema.dataSource(), registry, Clock.systemUTC());
			OutboxRelay relay = new OutboxRelay(schema.dataSource(),
					Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, lab.bootstrapServers()),
					settings(sizes, pipelineDepth), metrics);
			var published = registry.get("vestline.outbox.events.published").counter();
			Stopwatch watch = Stopwatch.start();
			relay.start();
			Stopwatch.awaitUntil(() -> published.count() >= sizes.events(), Duration.ofMinutes(5), "Vestline relay");
			double rate = watch.rate(sizes.events());
			relay.stop();
			long left = JdbcClient.create(schema.dataSource())
				.sql("SELECT count(*) FROM outbox_pending")
				.query(Long.class)
				.single();
			if (left != 0) {
				throw new IllegalStateException(left + " events left unpublished");
			}
			return rate;
		}
	}

}
