package dev.vestline.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.vestline.messaging.inbox.Inbox;
import dev.vestline.messaging.inbox.InboxMetrics;
import dev.vestline.messaging.outbox.Outbox;
import dev.vestline.messaging.outbox.OutboxMetrics;
import dev.vestline.messaging.outbox.OutboxRelay;
import dev.vestline.messaging.outbox.RelaySettings;
import dev.vestline.testharness.SchemaUnderTest;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
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

	private static final MeterFilter PUBLISH_PERCENTILES = new MeterFilter() {

		@Override
		public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
			// one window as long as the whole run, so that the percentile covers every
			// event
			return DistributionStatisticConfig.builder()
				.percentiles(0.99)
				.expiry(Duration.ofHours(1))
				.bufferLength(1)
				.build()
				.merge(config);
		}

	};

	private VestlineEndToEnd() {
	}

	private static double p99(Timer timer) {
		return Arrays.stream(timer.takeSnapshot().percentileValues())
			.filter((value) -> value.percentile() == 0.99)
			.mapToDouble((value) -> value.value(TimeUnit.MILLISECONDS))
			.findFirst()
			.orElse(Double.NaN);
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
			// where the tail is: the relay's half (row written to ack) as percentiles too
			registry.config().meterFilter(PUBLISH_PERCENTILES);
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
				Timer publish = registry.get("vestline.outbox.publish.latency").timer();
				return new Result(achieved, latencies.percentiles((long) sizes.rate() * sizes.warmupSeconds()),
						publish.mean(TimeUnit.MILLISECONDS), p99(publish));
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
	 * @param publishP99Millis the same, 99th percentile
	 */
	record Result(double achievedRate, Latencies.Percentiles percentiles, double publishMeanMillis,
			double publishP99Millis) {

	}

}
