package dev.vestline.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import dev.vestline.testharness.SchemaUnderTest;
import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.ChangeEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.source.SourceRecord;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Debezium's embedded engine with its PostgreSQL connector (logical decoding,
 * {@code pgoutput}) and the outbox event router: the application writes rows to an outbox
 * table; the engine reads them from the WAL, the router turns each into a record keyed by
 * its aggregate, and the change consumer sends the batch with a producer of the relay's
 * settings and marks it processed once the broker acknowledged it.
 */
final class DebeziumPeer implements AutoCloseable {

	static final String NAME = "Debezium 3.4 embedded + outbox router";

	private final DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> engine;

	private final ExecutorService executor = Executors.newSingleThreadExecutor();

	private final KafkaProducer<String, byte[]> producer;

	private final String topic;

	private final AtomicLong acknowledged = new AtomicLong();

	private DebeziumPeer(Lab lab, SchemaUnderTest schema, String topic, String slot) {
		this.topic = topic;
		this.producer = new KafkaProducer<>(RawProducer.config(lab.bootstrapServers()), new StringSerializer(),
				new ByteArraySerializer());
		this.engine = DebeziumEngine.create(Connect.class)
			.using(properties(schema, slot, lab.bootstrapServers()))
			.notifying(this::handleBatch)
			.build();
		this.executor.execute(this.engine);
	}

	static double drain(Lab lab, int events, int accounts, String topic) {
		try (SchemaUnderTest schema = lab.schema();
				DebeziumPeer peer = new DebeziumPeer(lab, schema, lab.topic(topic),
						"bench_" + topic.replace('-', '_'))) {
			JdbcClient jdbc = JdbcClient.create(schema.dataSource());
			peer.awaitStreaming(jdbc, accounts);
			long before = peer.acknowledged.get();
			fillBacklog(jdbc, events, accounts);
			Stopwatch watch = Stopwatch.start();
			Stopwatch.awaitUntil(() -> peer.acknowledged.get() - before >= events, Duration.ofMinutes(5),
					"Debezium drain");
			return watch.rate(events);
		}
	}

	static VestlineEndToEnd.Result endToEnd(Lab lab, Sizes sizes) {
		try (SchemaUnderTest schema = lab.schema();
				DebeziumPeer peer = new DebeziumPeer(lab, schema, lab.topic("debezium-latency"), "bench_latency")) {
			JdbcClient jdbc = JdbcClient.create(schema.dataSource());
			TransactionTemplate transactions = new TransactionTemplate(new JdbcTransactionManager(schema.dataSource()));
			peer.awaitStreaming(jdbc, sizes.accounts());
			Latencies latencies = new Latencies();
			Effects effects = new Effects(schema.dataSource());
			try (LatencyConsumer consumer = new LatencyConsumer(lab, "debezium-latency",
					(records) -> ModulithPeer.applyPlain(transactions, effects, records), latencies)) {
				double achieved = Load.offer(sizes.rate(), sizes.seconds(), (sequence) -> {
					transactions.executeWithoutResult((status) -> insert(jdbc, sequence, sizes.accounts()));
					latencies.committed(sequence);
				});
				Stopwatch.awaitUntil(() -> latencies.appliedCount() >= latencies.committedCount(),
						Duration.ofSeconds(60), "Debezium end to end");
				return new VestlineEndToEnd.Result(achieved,
						latencies.percentiles((long) sizes.rate() * sizes.warmupSeconds()), Double.NaN, Double.NaN);
			}
		}
	}

	/** Until a probe row made it through: the slot exists and the engine streams. */
	private void awaitStreaming(JdbcClient jdbc, int accounts) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		long seen = this.acknowledged.get();
		while (this.acknowledged.get() == seen) {
			insert(jdbc, -1, accounts);
			Stopwatch.sleep(500);
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Debezium did not start streaming");
			}
		}
	}

	private void handleBatch(List<ChangeEvent<SourceRecord, SourceRecord>> records,
			DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> committer)
			throws InterruptedException {
		List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
		for (ChangeEvent<SourceRecord, SourceRecord> change : records) {
			SourceRecord record = change.value();
			if (record.value() != null) {
				acks.add(this.producer.send(new ProducerRecord<>(this.topic, String.valueOf(record.key()),
						String.valueOf(record.value()).getBytes(StandardCharsets.UTF_8))));
			}
		}
		this.producer.flush();
		try {
			for (Future<RecordMetadata> ack : acks) {
				ack.get();
			}
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Kafka did not acknowledge", ex);
		}
		for (ChangeEvent<SourceRecord, SourceRecord> change : records) {
			committer.markProcessed(change);
		}
		committer.markBatchFinished();
		this.acknowledged.addAndGet(acks.size());
	}

	private static void insert(JdbcClient jdbc, long sequence, int accounts) {
		PositionRevalued event = PositionRevalued.of(sequence, accounts);
		jdbc.sql("""
				INSERT INTO dbz_outbox (id, aggregatetype, aggregateid, type, payload)
				VALUES (?, 'position', ?, 'PositionRevalued', ?::jsonb)
				""")
			.params(UUID.randomUUID(), event.account(),
					new String(dev.vestline.events.EventJson.write(event), StandardCharsets.UTF_8))
			.update();
	}

	private static void fillBacklog(JdbcClient jdbc, int events, int accounts) {
		jdbc.sql("""
				INSERT INTO dbz_outbox (id, aggregatetype, aggregateid, type, payload)
				SELECT gen_random_uuid(), 'position', 'acc-' || (i % :accounts), 'PositionRevalued',
				       jsonb_build_object('account', 'acc-' || (i % :accounts), 'sequence', i, 'memo', MEMO_SQL)
				  FROM generate_series(1, :events) AS i
				""".replace("MEMO_SQL", PositionRevalued.SQL_MEMO))
			.param("accounts", accounts)
			.param("events", events)
			.update();
	}

	private static Properties properties(SchemaUnderTest schema, String slot, String bootstrapServers) {
		URI url = URI.create(schema.service().jdbcUrl().substring("jdbc:".length()));
		Properties props = new Properties();
		props.setProperty("name", slot);
		props.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
		props.setProperty("offset.storage", "org.apache.kafka.connect.storage.MemoryOffsetBackingStore");
		props.setProperty("offset.flush.interval.ms", "1000");
		// Kafka Connect's worker config insists on it, though offsets stay in memory
		props.setProperty("bootstrap.servers", bootstrapServers);
		props.setProperty("database.hostname", url.getHost());
		props.setProperty("database.port", String.valueOf(url.getPort()));
		// logical replication needs a role with REPLICATION: the superuser
		props.setProperty("database.user", "postgres");
		props.setProperty("database.password", "postgres");
		props.setProperty("database.dbname", url.getPath().substring(1));
		props.setProperty("topic.prefix", "bench");
		props.setProperty("plugin.name", "pgoutput");
		props.setProperty("slot.name", slot);
		props.setProperty("slot.drop.on.stop", "true");
		props.setProperty("publication.name", slot);
		props.setProperty("publication.autocreate.mode", "filtered");
		props.setProperty("table.include.list", schema.service().schema() + ".dbz_outbox");
		props.setProperty("snapshot.mode", "no_data");
		// the default 500 ms would measure a knob, not the design
		props.setProperty("poll.interval.ms", "5");
		props.setProperty("transforms", "outbox");
		props.setProperty("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
		return props;
	}

	@Override
	public void close() {
		try {
			this.engine.close();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		this.executor.shutdownNow();
		this.producer.close(Duration.ofSeconds(5));
	}

}
