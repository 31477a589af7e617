package dev.vestline.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.vestline.messaging.LedgerEntryRecorded;
import dev.vestline.testharness.KafkaBroker;
import dev.vestline.testharness.SchemaUnderTest;
import dev.vestline.testharness.StandaloneKafkaBroker;
import dev.vestline.testharness.TopicReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.vestline.messaging.outbox.OutboxRelayIntegrationTests.CATALOG;
import static dev.vestline.messaging.outbox.OutboxRelayIntegrationTests.FAST;
import static dev.vestline.messaging.outbox.OutboxRelayIntegrationTests.assertPerAggregateOrder;
import static dev.vestline.messaging.outbox.OutboxRelayIntegrationTests.distinctIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay with a backlog large enough that it claims the next batch while the previous
 * one is in flight: order, completeness and late commits hold as with one batch at a
 * time.
 */
class OutboxRelayPipelineIntegrationTests {

	SchemaUnderTest schema;

	JdbcClient jdbc;

	final List<OutboxRelay> relays = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.schema = SchemaUnderTest.create("ledger", "classpath:db/vestline-messaging", "classpath:db/ledger");
		this.jdbc = JdbcClient.create(this.schema.dataSource());
	}

	@AfterEach
	void tearDown() {
		this.relays.forEach(OutboxRelay::stop);
		this.schema.close();
	}

	@ParameterizedTest(name = "pipeline depth {0}")
	@ValueSource(ints = { 3, 1 })
	void keepsPerAggregateOrderAndLosesNothingWhenTheBrokerDiesMidPipeline(int depth) throws Exception {
		int events = 50_000;
		int aggregates = 300;
		try (StandaloneKafkaBroker broker = StandaloneKafkaBroker.start();
				TopicReader reader = new TopicReader(broker.bootstrapServers(), LedgerEntryRecorded.TOPIC)) {
			backlog(events, aggregates);
			startRelay(broker.bootstrapServers(), depth);
			reader.readUntil((all) -> distinctIds(all) >= 2_000, Duration.ofSeconds(60));

			broker.kill();
			await().atMost(Duration.ofSeconds(30))
				.alias("batches in flight failed while rows were left to publish")
				.until(() -> failedAndPending() > 0);
			broker.restart();

			List<ConsumerRecord<String, byte[]>> records = reader.readUntil((all) -> distinctIds(all) == events,
					Duration.ofSeconds(180));
			assertPerAggregateOrder(records, aggregates);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> pending() == 0);
	}

	@Test
	void publishesALateCommitWithALowerPositionBeforeItsAggregatesLaterEvent() throws Exception {
		int events = 40_000;
		int aggregates = 200;
		this.jdbc.sql("INSERT INTO account (id) VALUES ('acc-late')").update();
		TransactionTemplate transactions = new TransactionTemplate(
				new JdbcTransactionManager(this.schema.dataSource()));
		Outbox outbox = new Outbox(this.schema.dataSource(), CATALOG, Clock.systemUTC());
		CountDownLatch appended = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		ExecutorService writer = Executors.newSingleThreadExecutor();
		try (KafkaBroker kafka = KafkaBroker.start();
				TopicReader reader = new TopicReader(kafka.bootstrapServers(), LedgerEntryRecorded.TOPIC)) {
			// the aggregate's first event takes its position now and commits much later
			Future<UUID> late = writer.submit(() -> transactions.execute((status) -> {
				UUID id = appendNext(outbox, "acc-late");
				appended.countDown();
				awaitQuietly(commit);
				return id;
			}));
			assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
			backlog(events, aggregates);
			startRelay(kafka.bootstrapServers(), FAST.pipelineDepth());
			reader.readUntil((all) -> distinctIds(all) >= 2_000, Duration.ofSeconds(60));

			commit.countDown();
			late.get(30, TimeUnit.SECONDS);
			// its next event can only be written after the first committed: a higher
			// position, while the relay is still busy with the backlog
			transactions.execute((status) -> appendNext(outbox, "acc-late"));

			List<ConsumerRecord<String, byte[]>> records = reader.readUntil((all) -> distinctIds(all) == events + 2,
					Duration.ofSeconds(120));
			assertPerAggregateOrder(records, aggregates + 1);
		}
		finally {
			writer.shutdownNow();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> pending() == 0);
	}

	@Test
	void handsNothingToTheProducerPastARowItRefusedAndKeepsRetryingThatRow() throws Exception {
		backlog(1_100, 100);
		// over the producer's max.request.size (1 MB): refused when it is handed over, in
		// the middle of a batch, while the next batches are already claimed
		this.jdbc.sql("""
				INSERT INTO outbox_event (id, topic, record_key, event_type, source, payload, occurred_at)
				VALUES (gen_random_uuid(), :topic, 'acc-big', :type, :source,
				        json_build_object('account', 'acc-big', 'version', 1, 'note', repeat('x', 1200000)),
				        clock_timestamp())
				""")
			.param("topic", LedgerEntryRecorded.TOPIC)
			.param("type", LedgerEntryRecorded.TYPE.ceType())
			.param("source", LedgerEntryRecorded.TYPE.source().toString())
			.update();
		backlog(1_900, 100);
		List<String> beforeTheRefusedRow = this.jdbc
			.sql("SELECT id::text FROM outbox_event ORDER BY position LIMIT 1100")
			.query(String.class)
			.list();
		try (KafkaBroker kafka = KafkaBroker.start();
				TopicReader reader = new TopicReader(kafka.bootstrapServers(), LedgerEntryRecorded.TOPIC)) {
			// whatever is handed to the producer goes out at once, not after linger.ms,
			// in
			// which the abort after the refused row would still catch it
			startRelay(kafka.bootstrapServers(), FAST.pipelineDepth(), Map.of(ProducerConfig.LINGER_MS_CONFIG, 0));

			await().atMost(Duration.ofSeconds(60))
				.alias("the refused row tried again and again")
				.until(() -> this.jdbc.sql("SELECT publish_attempts FROM outbox_event WHERE record_key = 'acc-big'")
					.query(Integer.class)
					.single() >= 3);
			reader.readUntil((all) -> distinctIds(all) >= 1_100, Duration.ofSeconds(30));
			List<String> published = reader.readFor(Duration.ofSeconds(1))
				.stream()
				.map((record) -> new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
				.distinct()
				.toList();

			assertThat(published).containsExactlyInAnyOrderElementsOf(beforeTheRefusedRow);
			assertThat(pending()).isEqualTo(1_901);
			assertThat(this.jdbc.sql("SELECT last_error FROM outbox_event WHERE record_key = 'acc-big'")
				.query(String.class)
				.single()).contains("RecordTooLargeException");
		}
	}

	/**
	 * The next event of an account, under the account's row lock, as a service writes it.
	 */
	private UUID appendNext(Outbox outbox, String account) {
		long version = this.jdbc.sql("UPDATE account SET version = version + 1 WHERE id = ? RETURNING version")
			.param(account)
			.query(Long.class)
			.single();
		return outbox.append(new LedgerEntryRecorded(account, version, "late"));
	}

	/** Rows as {@code Outbox.append} writes them, in one statement: account i % n. */
	private void backlog(int events, int aggregates) {
		this.jdbc.sql("""
				INSERT INTO outbox_event (id, topic, record_key, event_type, source, data_schema, payload, occurred_at)
				SELECT gen_random_uuid(), :topic, 'acc-' || (i % :aggregates), :type, :source, :schema,
				       jsonb_build_object('account', 'acc-' || (i % :aggregates), 'version', i / :aggregates + 1,
				                          'note', repeat('x', 400)),
				       clock_timestamp()
				  FROM generate_series(0, :events - 1) AS i
				""")
			.param("topic", LedgerEntryRecorded.TOPIC)
			.param("aggregates", aggregates)
			.param("type", LedgerEntryRecorded.TYPE.ceType())
			.param("source", LedgerEntryRecorded.TYPE.source().toString())
			.param("schema", LedgerEntryRecorded.TYPE.dataSchema().toString())
			.param("events", events)
			.update();
	}

	private long pending() {
		return this.jdbc.sql("SELECT count(*) FROM outbox_pending").query(Long.class).single();
	}

	private long failedAndPending() {
		return this.jdbc.sql("""
				SELECT count(*) FROM outbox_event JOIN outbox_pending USING (position) WHERE last_error IS NOT NULL
				""").query(Long.class).single();
	}

	private void startRelay(String bootstrapServers, int depth) {
		startRelay(bootstrapServers, depth, Map.of());
	}

	private void startRelay(String bootstrapServers, int depth, Map<String, Object> producerSettings) {
		Map<String, Object> producer = new HashMap<>(producerSettings);
		producer.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3_000,
				ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000));
		RelaySettings settings = new RelaySettings(FAST.batchSize(), depth, FAST.pollBeforeSleeping(),
				FAST.fallbackPoll(), FAST.takeoverInterval(), FAST.initialBackoff(), FAST.maxBackoff());
		OutboxRelay relay = new OutboxRelay(this.schema.dataSource(), producer, settings,
				new OutboxMetrics(this.schema.dataSource(), new SimpleMeterRegistry(), Clock.systemUTC()));
		relay.start();
		this.relays.add(relay);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
