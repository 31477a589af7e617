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

import dev.vestline.events.EventJson;
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
		int events = 20_000; // the broker dies after 2,000: most are still to come
		int aggregates = 300;
		try (StandaloneKafkaBroker broker = StandaloneKafkaBroker.start();
				TopicReader reader = new TopicReader(broker.bootstrapServers(), LedgerEntryRecorded.TOPIC)) {
			backlog(events, aggregates);
			startRelay(broker.bootstrapServers(), depth);
			reader.readUntil((all) -> distinctIds(all) >= 2_000, Duration.ofSeconds(60));

			broker.kill();
			await().atMost(Duration.ofMinutes(2))
				.alias("batches in flight failed while rows were left to publish")
				.until(() -> failedAndPending() > 0);
			broker.restart();

			List<ConsumerRecord<String, byte[]>> records = reader.readUntil((all) -> distinctIds(all) == events,
					Duration.ofSeconds(180));
			assertPerAggregateOrder(records, aggregates);
		}
		await().atMost(Duration.ofMinutes(2)).until(() -> pending() == 0);
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
		await().atMost(Duration.ofMinutes(2)).until(() -> pending() == 0);
	}

	@Test
	void parksARowTheBrokerKeepsRefusingHoldsItsAggregatesLaterRowsAndPublishesEveryOtherAggregate() throws Exception {
		backlog(1_100, 100);
		// over the producer's max.request.size (1 MB), as written before appends were
		// checked or after the limits changed: refused when it is handed over, in the
		// middle of a batch, while the next batches are already claimed
		insertRow("acc-big", 1, "x".repeat(1_200_000));
		backlog(1_900, 100);
		insertRow("acc-big", 2, "after the big one");
		insertRow("acc-big", 3, "and another");
		ParkedEvents parked = new ParkedEvents(this.schema.dataSource());
		try (KafkaBroker kafka = KafkaBroker.start();
				TopicReader reader = new TopicReader(kafka.bootstrapServers(), LedgerEntryRecorded.TOPIC)) {
			// whatever is handed to the producer goes out at once, not after linger.ms,
			// in which the abort after the refused row would still catch it
			startRelay(kafka.bootstrapServers(), FAST.pipelineDepth(), Map.of(ProducerConfig.LINGER_MS_CONFIG, 0));

			List<ConsumerRecord<String, byte[]>> records = reader.readUntil((all) -> distinctIds(all) >= 3_000,
					Duration.ofSeconds(120));
			await().atMost(Duration.ofSeconds(60)).until(() -> pending() == 0);

			assertThat(distinctIds(records)).isEqualTo(3_000);
			assertThat(records).noneMatch((record) -> record.key().equals("acc-big"));
			assertThat(parked.list(10)).singleElement().satisfies((event) -> {
				assertThat(event.key()).isEqualTo("acc-big");
				assertThat(event.reason()).contains("RecordTooLargeException");
				assertThat(event.refusals()).isEqualTo(FAST.parkAfter());
				assertThat(event.held()).isEqualTo(2);
			});
			OutboxMetrics metrics = new OutboxMetrics(this.schema.dataSource(), new SimpleMeterRegistry(),
					Clock.systemUTC());
			metrics.refresh();
			assertThat(metrics.parked()).isEqualTo(1);
			assertThat(metrics.backlog()).isZero();

			// no fix makes the broker take it: an operator discards it, and the events
			// held behind it follow, in order
			UUID big = parked.list(1).get(0).eventId();
			assertThat(parked.discard(big, "a 1.2 MB note, written before texts were limited")).isPresent();
			List<ConsumerRecord<String, byte[]>> after = reader.readUntil(
					(all) -> all.stream().filter((record) -> record.key().equals("acc-big")).count() >= 2,
					Duration.ofSeconds(60));
			assertThat(after.stream()
				.filter((record) -> record.key().equals("acc-big"))
				.map((record) -> EventJson.read(record.value(), LedgerEntryRecorded.class).version())
				.distinct()).containsExactly(2L, 3L);
		}
		assertThat(parked.count()).isZero();
		assertThat(pending()).isZero();
	}

	@Test
	void retriesAParkedRowOnceTheCauseIsFixedAndPublishesItBeforeItsAggregatesHeldRows() throws Exception {
		// larger than the producer takes now, smaller than it takes once reconfigured
		insertRow("acc-big", 1, "x".repeat(600_000));
		insertRow("acc-big", 2, "after the big one");
		backlog(100, 10);
		ParkedEvents parked = new ParkedEvents(this.schema.dataSource());
		try (KafkaBroker kafka = KafkaBroker.start();
				TopicReader reader = new TopicReader(kafka.bootstrapServers(), LedgerEntryRecorded.TOPIC)) {
			startRelay(kafka.bootstrapServers(), FAST.pipelineDepth(),
					Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 500_000));
			reader.readUntil((all) -> distinctIds(all) >= 100, Duration.ofSeconds(60));
			await().atMost(Duration.ofSeconds(60)).until(() -> parked.count() == 1);

			// the cause fixed: a relay whose producer takes requests of the default 1 MB
			this.relays.forEach(OutboxRelay::stop);
			this.relays.clear();
			startRelay(kafka.bootstrapServers(), FAST.pipelineDepth(), Map.of());
			UUID big = parked.list(1).get(0).eventId();
			assertThat(parked.retry(big)).isPresent();

			List<ConsumerRecord<String, byte[]>> records = reader.readUntil(
					(all) -> all.stream().filter((record) -> record.key().equals("acc-big")).count() >= 2,
					Duration.ofSeconds(60));
			assertThat(records.stream()
				.filter((record) -> record.key().equals("acc-big"))
				.map((record) -> EventJson.read(record.value(), LedgerEntryRecorded.class).version())
				.distinct()).containsExactly(1L, 2L);
		}
		assertThat(parked.count()).isZero();
		await().atMost(Duration.ofMinutes(2)).until(() -> pending() == 0);
	}

	/** A row as an outbox from before the size check wrote it. */
	private void insertRow(String account, long version, String note) {
		this.jdbc.sql("""
				INSERT INTO outbox_event (id, topic, record_key, event_type, source, payload, occurred_at)
				VALUES (gen_random_uuid(), :topic, :account, :type, :source,
				        json_build_object('account', :account, 'version', :version, 'note', :note),
				        clock_timestamp())
				""")
			.param("topic", LedgerEntryRecorded.TOPIC)
			.param("account", account)
			.param("version", version)
			.param("note", note)
			.param("type", LedgerEntryRecorded.TYPE.ceType())
			.param("source", LedgerEntryRecorded.TYPE.source().toString())
			.update();
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
