package dev.vestline.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.vestline.messaging.inbox.Inbox;
import dev.vestline.messaging.inbox.InboxMetrics;
import dev.vestline.messaging.outbox.Outbox;
import dev.vestline.messaging.outbox.OutboxMetrics;
import dev.vestline.messaging.outbox.OutboxRelay;
import dev.vestline.messaging.outbox.RelaySettings;
import dev.vestline.testharness.SchemaUnderTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Vestline end to end at a steady load: a transaction appends one event and commits; the
 * relay (woken by the commit's NOTIFY) publishes it; a consumer applies it through the
 * inbox and commits. Latency is from the first commit to the second.
 */
final class VestlineEndToEnd {

	private VestlineEndToEnd() {
	}

	static Result run(Lab lab, Sizes sizes) {
		try (SchemaUnderTest schema = lab.schema()) {
			DataSource dataSource = schema.dataSource();
			TransactionTemplate transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
			Outbox outbox = new Outbox(dataSource, PositionRevalued.CATALOG, Clock.systemUTC());
			Inbox inbox = new Inbox(dataSource, transactions, PositionRevalued.CATALOG,
					new InboxMetrics(new SimpleMeterRegistry()));
			Effects effects = new Effects(dataSource);
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			OutboxRelay relay = new OutboxRelay(dataSource,
					Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, lab.bootstrapServers()),
					VestlineRelay.settings(sizes), new OutboxMetrics(dataSource, registry, Clock.systemUTC()));
			Latencies latencies = new Latencies();
			String topic = lab.topic(PositionRevalued.TYPE.topic());
			relay.start();
			try (LatencyConsumer consumer = new LatencyConsumer(lab, topic, (records) -> {
				List<Long> sequences = new ArrayList<>(records.size());
				inbox.receiveBatch(InboxConsumer.CONSUMER, records, PositionRevalued.class, (event) -> {
					effects.apply(event.account(), event.sequence());
					sequences.add(event.sequence());
				});
				return sequences;
			}, latencies)) {
				double achieved = Load.offer(sizes.rate(), sizes.seconds(), (sequence) -> {
					transactions.executeWithoutResult(
							(status) -> outbox.append(PositionRevalued.of(sequence, sizes.accounts())));
					latencies.committed(sequence);
				});
				Stopwatch.awaitUntil(() -> latencies.appliedCount() >= latencies.committedCount(),
						Duration.ofSeconds(60), "Vestline end to end");
				double publishMean = registry.get("vestline.outbox.publish.latency")
					.timer()
					.mean(java.util.concurrent.TimeUnit.MILLISECONDS);
				return new Result(achieved, latencies.percentiles((long) sizes.rate() * sizes.warmupSeconds()),
						publishMean);
			}
			finally {
				relay.stop();
			}
		}
	}

	/**
	 * @param achievedRate the load actually offered, events per second
	 * @param percentiles the latencies after the warm-up
	 * @param publishMeanMillis of that, the mean from writing the outbox row to the
	 * broker's acknowledgement, as the relay's own metric measures it (all events,
	 * warm-up included); NaN where there is no such metric
	 */
	record Result(double achievedRate, Latencies.Percentiles percentiles, double publishMeanMillis) {

	}

}
