package dev.vestline.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import dev.vestline.events.EventCatalog;
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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay against real PostgreSQL and a real broker, several relays per schema at once,
 * without a Spring context.
 */
class OutboxRelayIntegrationTests {

	static final EventCatalog CATALOG = EventCatalog.v1().with(LedgerEntryRecorded.TYPE);

	static final RelaySettings FAST = new RelaySettings(200, 2, Duration.ofMillis(20), Duration.ofSeconds(1),
			Duration.ofMillis(200), Duration.ofMillis(50), Duration.ofSeconds(1));

	SchemaUnderTest schema;

	KafkaBroker kafka;

	Outbox outbox;

	TransactionTemplate transactions;

	JdbcClient jdbc;

	final List<OutboxRelay> relays = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.schema = SchemaUnderTest.create("ledger", "classpath:db/vestline-messaging", "classpath:db/ledger");
		this.kafka = KafkaBroker.start();
		this.outbox = new Outbox(this.schema.dataSource(), CATALOG, Clock.systemUTC());
		this.transactions = new TransactionTemplate(new JdbcTransactionManager(this.schema.dataSource()));
		this.jdbc = JdbcClient.create(this.schema.dataSource());
	}

	@AfterEach
	void tearDown() {
		this.relays.forEach(OutboxRelay::stop);
		this.kafka.close();
		this.schema.close();
	}

	@Test
	void deliversEveryEventInPerAggregateOrderWithThreeRelaysAndAKilledLeader() throws Exception {
		int writers = 8;
		int perWriter = 1_250;
		int aggregates = 500;
		for (int i = 0; i < aggregates; i++) {
			this.jdbc.sql("INSERT INTO account (id) VALUES (?)").param("acc-" + i).update();
		}
		for (int i = 0; i < 3; i++) {
			startRelay(this.kafka.bootstrapServers());
		}
		try (TopicReader reader = new TopicReader(this.kafka.bootstrapServers(), LedgerEntryRecorded.TOPIC)) {
			List<Future<?>> writing = writeConcurrently(writers, perWriter, aggregates);
			reader.readUntil((records) -> distinctIds(records) >= 2_000, Duration.ofSeconds(60));
			OutboxRelay killed = killTheLeader();

			for (Future<?> writer : writing) {
				writer.get();
			}
			List<ConsumerRecord<String, byte[]>> records = reader
				.readUntil((all) -> distinctIds(all) == writers * perWriter, Duration.ofSeconds(120));

			assertPerAggregateOrder(records, aggregates);
			await().atMost(Duration.ofMinutes(2))
				.until(() -> this.relays.stream().filter((r) -> r != killed && r.isLeader()).count() == 1);
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM outbox_pending").query(Long.class).single()).isZero();
	}

	private List<Future<?>> writeConcurrently(int writers, int perWriter, int aggregates) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		CyclicBarrier start = new CyclicBarrier(writers);
		List<Future<?>> futures = new ArrayList<>();
		for (int w = 0; w < writers; w++) {
			futures.add(pool.submit(() -> {
				start.await();
				for (int i = 0; i < perWriter; i++) {
					String account = "acc-" + ThreadLocalRandom.current().nextInt(aggregates);
					this.transactions.executeWithoutResult((status) -> {
						// the aggregate's row lock serializes its events, as in every
						// service
						long version = this.jdbc
							.sql("UPDATE account SET version = version + 1 WHERE id = ? RETURNING version")
							.param(account)
							.query(Long.class)
							.single();
						this.outbox.append(new LedgerEntryRecorded(account, version, "entry"));
					});
				}
				return null;
			}));
		}
		pool.shutdown();
		return futures;
	}

	/** The leader's process dies: its session is killed and it never marks its batch. */
	private OutboxRelay killTheLeader() {
		OutboxRelay leader = this.relays.stream().filter(OutboxRelay::isLeader).findFirst().orElseThrow();
		JdbcClient.create(this.schema.adminDataSource()).sql("""
				SELECT pg_terminate_backend(pid) FROM pg_locks
				 WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database
				                                                          WHERE datname = current_database())
				""").query(Boolean.class).list();
		leader.stop();
		return leader;
	}

	static void assertPerAggregateOrder(List<ConsumerRecord<String, byte[]>> records, int aggregates) {
		Map<String, Integer> partitionOf = new HashMap<>();
		Map<String, List<Long>> firstSeenVersions = new LinkedHashMap<>();
		Set<String> seen = new HashSet<>();
		for (ConsumerRecord<String, byte[]> record : records) {
			assertThat(partitionOf.putIfAbsent(record.key(), record.partition()))
				.as("every event of %s on one partition", record.key())
				.isIn(null, record.partition());
			if (seen.add(header(record, "ce_id"))) {
				LedgerEntryRecorded entry = EventJson.read(record.value(), LedgerEntryRecorded.class);
				firstSeenVersions.computeIfAbsent(entry.account(), (k) -> new ArrayList<>()).add(entry.version());
			}
		}
		// records are read partition by partition in log order: first sightings of each
		// account's events must be 1, 2, 3 ... with no gap and no inversion
		firstSeenVersions.forEach((account, versions) -> {
			for (int i = 0; i < versions.size(); i++) {
				assertThat(versions.get(i)).as("%s event #%d", account, i + 1).isEqualTo(i + 1L);
			}
		});
		assertThat(firstSeenVersions).hasSizeLessThanOrEqualTo(aggregates);
	}

	@Test
	void resendsAnEventWhoseAckWasNotRecordedAndTheInboxAppliesItOnce() throws Exception {
		// the relay's "mark published" fails once after the broker acknowledged: a crash
		// between ack and mark, as far as the database can tell
		JdbcClient.create(this.schema.adminDataSource()).sql("""
				CREATE SEQUENCE ledger.crash_once;
				CREATE FUNCTION ledger.crash_before_mark() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
				BEGIN
				  -- a sequence is not rolled back with the failed statement: this fires once
				  IF nextval('ledger.crash_once') = 1 THEN
				    RAISE EXCEPTION 'relay crashed between broker ack and mark published';
				  END IF;
				  RETURN OLD;
				END $$;
				CREATE TRIGGER crash_before_mark BEFORE DELETE ON ledger.outbox_pending
				  FOR EACH ROW EXECUTE FUNCTION ledger.crash_before_mark();
				""").update();
		UUID id = this.transactions
			.execute((status) -> this.outbox.append(new LedgerEntryRecorded("acc-crash", 1, "once")));
		startRelay(this.kafka.bootstrapServers());

		try (TopicReader reader = new TopicReader(this.kafka.bootstrapServers(), LedgerEntryRecorded.TOPIC)) {
			List<ConsumerRecord<String, byte[]>> copies = reader.readUntil(
					(all) -> all.stream().filter((r) -> id.toString().equals(header(r, "ce_id"))).count() >= 2,
					Duration.ofMinutes(2));
			InboxFixture inbox = new InboxFixture(this.schema.dataSource(), CATALOG);
			copies.forEach(inbox::apply);
			assertThat(inbox.effects(id)).isEqualTo(1);
		}
		await().atMost(Duration.ofMinutes(2))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM outbox_pending").query(Long.class).single() == 0);
		// a relay that failed mid-batch and then stopped leaves no pooled session holding
		// the leadership lock, which would keep every other relay standing by (counted in
		// this test's database: the relays of cached Spring contexts hold theirs
		// elsewhere)
		this.relays.forEach(OutboxRelay::stop);
		assertThat(JdbcClient.create(this.schema.adminDataSource()).sql("""
				SELECT count(*) FROM pg_locks
				 WHERE locktype = 'advisory' AND granted
				   AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
				""").query(Long.class).single()).isZero();
	}

	@Test
	void buildsABacklogWhileTheBrokerIsDownAndDrainsItWhenItReturns() throws Exception {
		try (StandaloneKafkaBroker broker = StandaloneKafkaBroker.start();
				TopicReader reader = new TopicReader(broker.bootstrapServers(), LedgerEntryRecorded.TOPIC)) {
			OutboxRelay relay = startRelay(broker.bootstrapServers());
			OutboxMetrics metrics = new OutboxMetrics(this.schema.dataSource(), new SimpleMeterRegistry(),
					Clock.systemUTC());
			List<UUID> ids = new ArrayList<>(append(1, 50));
			reader.readUntil((all) -> distinctIds(all) == 50, Duration.ofMinutes(2));

			broker.kill();
			ids.addAll(append(51, 300));
			await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
				metrics.refresh();
				assertThat(metrics.backlog()).isEqualTo(250);
				assertThat(metrics.oldestAge()).isGreaterThan(Duration.ofSeconds(3));
				assertThat(
						this.jdbc.sql("SELECT max(publish_attempts) FROM outbox_event").query(Integer.class).single())
					.as("failed attempts are recorded on the rows")
					.isPositive();
			});
			assertThat(relay.isLeader()).isTrue();

			broker.restart();
			List<ConsumerRecord<String, byte[]>> records = reader.readUntil((all) -> distinctIds(all) == 300,
					Duration.ofSeconds(90));
			assertThat(records.stream().map((r) -> header(r, "ce_id")).distinct().toList())
				.containsExactlyElementsOf(ids.stream().map(UUID::toString).toList());
			await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
				metrics.refresh();
				assertThat(metrics.backlog()).isZero();
				assertThat(metrics.oldestAge()).isZero();
			});
		}
	}

	@Test
	void noEventWaitsForTheFallbackPollWhateverTheRelayWasDoingWhenItCommitted() {
		// a fallback poll far beyond the test: a commit whose wake-up is lost times out
		RelaySettings settings = new RelaySettings(FAST.batchSize(), FAST.pipelineDepth(), Duration.ofMillis(20),
				Duration.ofMinutes(5), FAST.takeoverInterval(), FAST.initialBackoff(), FAST.maxBackoff());
		startRelay(this.kafka.bootstrapServers(), settings);
		try (TopicReader reader = new TopicReader(this.kafka.bootstrapServers(), LedgerEntryRecorded.TOPIC)) {
			List<ConsumerRecord<String, byte[]>> records = List.of();
			for (int version = 1; version <= 150; version++) {
				// 0-40 ms after the last publish: while the relay polls (1, 2, 4 ms), as
				// it takes its count before sleeping (20 ms), and while it sleeps
				pauseBeforeTheNextCommit(ThreadLocalRandom.current().nextInt(41));
				var entry = new LedgerEntryRecorded("acc-idle", version, "one at a time");
				String id = this.transactions.execute((status) -> this.outbox.append(entry)).toString();
				records = reader.readUntil((all) -> all.stream().anyMatch((r) -> id.equals(header(r, "ce_id"))),
						Duration.ofSeconds(15));
			}
			assertThat(distinctIds(records)).isEqualTo(150);
		}
	}

	/**
	 * Not a wait for an outcome: the gap between commits is this test's input, to meet
	 * the relay in each of its idle phases.
	 */
	private static void pauseBeforeTheNextCommit(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private List<UUID> append(int fromVersion, int toVersion) {
		List<UUID> ids = new ArrayList<>();
		for (int version = fromVersion; version <= toVersion; version++) {
			var entry = new LedgerEntryRecorded("acc-away", version, "while away");
			ids.add(this.transactions.execute((status) -> this.outbox.append(entry)));
		}
		return ids;
	}

	private OutboxRelay startRelay(String bootstrapServers) {
		return startRelay(bootstrapServers, FAST);
	}

	private OutboxRelay startRelay(String bootstrapServers, RelaySettings settings) {
		Map<String, Object> producer = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3_000,
				ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
		OutboxRelay relay = new OutboxRelay(this.schema.dataSource(), producer, settings,
				new OutboxMetrics(this.schema.dataSource(), new SimpleMeterRegistry(), Clock.systemUTC()));
		relay.start();
		this.relays.add(relay);
		return relay;
	}

	static long distinctIds(List<ConsumerRecord<String, byte[]>> records) {
		return records.stream().map((r) -> header(r, "ce_id")).distinct().count();
	}

	static String header(ConsumerRecord<String, byte[]> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
