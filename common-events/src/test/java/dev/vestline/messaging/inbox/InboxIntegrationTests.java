package dev.vestline.messaging.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.vestline.messaging.EventContext;
import dev.vestline.messaging.LedgerEntryRecorded;
import dev.vestline.messaging.LedgerEvent;
import dev.vestline.messaging.MessagingTestApplication;
import dev.vestline.testharness.RealInfrastructure;
import dev.vestline.testharness.TestInfrastructure;
import dev.vestline.testharness.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The inbox behind real listener containers (record mode with two threads, and batch
 * mode), fed through a real broker.
 */
@SpringBootTest
@RealInfrastructure(service = "ledger")
class InboxIntegrationTests {

	static final List<String> CONSUMERS = List.of("ledger-projection", "ledger-batch", "ledger-all");

	@Autowired
	Inbox inbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestInfrastructure infrastructure;

	@Value("${vestline.messaging.inbox.retries}")
	int retries;

	KafkaProducer<String, byte[]> producer;

	@BeforeEach
	void setUp() {
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.infrastructure.kafka().bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer());
	}

	@AfterEach
	void tearDown() {
		this.producer.close();
	}

	@Test
	void appliesEveryEventOnceWhenEveryRecordIsDeliveredTwice() throws Exception {
		String note = "twice-" + UUID.randomUUID();
		for (int i = 0; i < 200; i++) {
			var record = LedgerRecords.record(LedgerRecords.newId(), new LedgerEntryRecorded("acc-" + i, 1, note));
			send(record);
			// half of the copies go to another partition: another consumer thread races
			send((i % 2 == 0) ? record : LedgerRecords.onPartition(record, partitionOtherThan(record)));
		}
		for (String consumer : CONSUMERS) {
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(effects(consumer, note)).isEqualTo(200));
		}
		for (String consumer : CONSUMERS) {
			assertThat(distinctEffects(consumer, note)).isEqualTo(200);
		}
	}

	@Test
	void appliesOnceWhenManyThreadsReceiveTheSameRecordAtOnce() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(16);
		try {
			for (int round = 0; round < 10; round++) {
				String note = "race-" + UUID.randomUUID();
				var record = LedgerRecords.consumed(
						LedgerRecords.record(LedgerRecords.newId(), new LedgerEntryRecorded("acc-race", round, note)));
				CyclicBarrier start = new CyclicBarrier(16);
				List<Future<?>> all = new ArrayList<>();
				for (int t = 0; t < 16; t++) {
					all.add(threads.submit(() -> {
						start.await();
						this.inbox.receive("race", record, LedgerEvent.class, (event) -> insertEffect("race", event));
						return null;
					}));
				}
				for (Future<?> future : all) {
					future.get();
				}
				assertThat(effects("race", note)).as("round %d", round).isEqualTo(1);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void deadLettersTheSameIdWithADifferentPayloadWithoutApplyingIt() throws Exception {
		UUID id = LedgerRecords.newId();
		String account = "acc-" + UUID.randomUUID();
		send(LedgerRecords.record(id, new LedgerEntryRecorded(account, 1, "original")));
		send(LedgerRecords.record(id, new LedgerEntryRecorded(account, 1, "tampered")));

		for (String consumer : CONSUMERS) {
			ConsumerRecord<String, byte[]> dead = awaitDeadLetter(consumer, id);
			assertThat(header(dead, DeadLetterErrorHandler.REASON_HEADER)).startsWith("PayloadConflictException");
			assertThat(new String(dead.value(), StandardCharsets.UTF_8)).contains("tampered");
			assertThat(effects(consumer, "original")).isGreaterThanOrEqualTo(1);
			assertThat(effectsForAccount(consumer, account, "tampered")).isZero();
		}
	}

	@Test
	void deadLettersAPoisonRecordWithTheReasonAndKeepsConsumingThePartition() throws Exception {
		String account = "acc-" + UUID.randomUUID();
		send(new ProducerRecord<>(LedgerEntryRecorded.TOPIC, account, "{not json, no ce headers".getBytes()));
		UUID bad = LedgerRecords.newId();
		send(LedgerRecords.record(bad, new LedgerEntryRecorded(account, 1, "fail-always")));
		UUID flaky = LedgerRecords.newId();
		send(LedgerRecords.record(flaky, new LedgerEntryRecorded(account, 2, "fail-once")));
		String after = "after-poison-" + UUID.randomUUID();
		send(LedgerRecords.record(LedgerRecords.newId(), new LedgerEntryRecorded(account, 3, after)));

		for (String consumer : CONSUMERS) {
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(effects(consumer, after)).isEqualTo(1));
			assertThat(effectsForAccount(consumer, account, "fail-once")).as("retried, then applied once").isEqualTo(1);
			try (TopicReader reader = new TopicReader(this.infrastructure.kafka().bootstrapServers(),
					LedgerEntryRecorded.TOPIC + "." + consumer + ".dlt")) {
				List<ConsumerRecord<String, byte[]>> dead = reader.readUntil(
						(all) -> all.stream().filter((r) -> account.equals(r.key())).count() >= 2,
						Duration.ofMinutes(2));
				ConsumerRecord<String, byte[]> poison = dead.stream()
					.filter((r) -> account.equals(r.key()) && r.headers().lastHeader("ce_id") == null)
					.findFirst()
					.orElseThrow();
				assertThat(header(poison, DeadLetterErrorHandler.REASON_HEADER))
					.startsWith("UndecodableRecordException");
				assertThat(header(poison, "kafka_dlt-original-topic")).isEqualTo(LedgerEntryRecorded.TOPIC);
				assertThat(poison.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
				assertThat(poison.headers().lastHeader("kafka_dlt-original-partition")).isNotNull();
				assertThat(header(poison, "kafka_dlt-exception-message")).isNotBlank();
				ConsumerRecord<String, byte[]> failing = dead.stream()
					.filter((r) -> bad.toString().equals(header(r, "ce_id")))
					.findFirst()
					.orElseThrow();
				assertThat(header(failing, DeadLetterErrorHandler.REASON_HEADER))
					.isEqualTo("IllegalStateException: handler failed on fail-always");
				assertThat(dead).noneMatch((r) -> flaky.toString().equals(header(r, "ce_id")));
			}
		}
	}

	@Test
	void waitsForTheDatabaseHoweverOftenItIsAwayInsteadOfDeadLetteringTheRecord() throws Exception {
		String account = "acc-" + UUID.randomUUID();
		UUID id = LedgerRecords.newId();
		String note = "database-away:" + UUID.randomUUID();
		send(LedgerRecords.record(id, new LedgerEntryRecorded(account, 1, note)));
		String after = "after-database-away-" + UUID.randomUUID();
		send(LedgerRecords.record(LedgerRecords.newId(), new LedgerEntryRecorded(account, 2, after)));

		await().atMost(Duration.ofSeconds(120))
			.untilAsserted(() -> assertThat(effects("ledger-projection", after)).isEqualTo(1));
		// a dead-lettered record is never applied: this one failed more often than the
		// retries allow any other failure, and was applied once the database answered
		assertThat(effects("ledger-projection", note)).isEqualTo(1);
		assertThat(MessagingTestApplication.LedgerEventsListener.DATABASE_AWAY_ATTEMPTS).isGreaterThan(this.retries);
	}

	@Test
	void skipsAnUnknownEventTypeAndAppliesWhatFollows() throws Exception {
		String account = "acc-" + UUID.randomUUID();
		send(LedgerRecords.record(LedgerRecords.newId(), "dev.vestline.ledger.LedgerClosed.v1",
				new LedgerEntryRecorded(account, 1, "from the future")));
		String after = "after-unknown-" + UUID.randomUUID();
		send(LedgerRecords.record(LedgerRecords.newId(), new LedgerEntryRecorded(account, 2, after)));
		for (String consumer : CONSUMERS) {
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(effects(consumer, after)).isEqualTo(1));
			assertThat(effectsForAccount(consumer, account, "from the future")).isZero();
		}
	}

	private ConsumerRecord<String, byte[]> awaitDeadLetter(String consumer, UUID id) {
		try (TopicReader reader = new TopicReader(this.infrastructure.kafka().bootstrapServers(),
				LedgerEntryRecorded.TOPIC + "." + consumer + ".dlt")) {
			return reader
				.readUntil((all) -> all.stream().anyMatch((r) -> id.toString().equals(header(r, "ce_id"))),
						Duration.ofSeconds(60))
				.stream()
				.filter((r) -> id.toString().equals(header(r, "ce_id")))
				.findFirst()
				.orElseThrow();
		}
	}

	private void send(ProducerRecord<String, byte[]> record) throws Exception {
		this.producer.send(record).get();
	}

	private int partitionOtherThan(ProducerRecord<String, byte[]> record) throws Exception {
		int partition = this.producer.send(record).get().partition(); // a third copy:
																		// harmless
		return (partition + 1) % this.producer.partitionsFor(record.topic()).size();
	}

	private void insertEffect(String consumer, LedgerEvent event) {
		LedgerEntryRecorded entry = (LedgerEntryRecorded) event;
		this.jdbc.sql("""
				INSERT INTO ledger_effect (consumer, event_id, account, version, note) VALUES (?, ?::uuid, ?, ?, ?)
				""")
			.params(consumer, EventContext.current().causationId(), entry.account(), entry.version(), entry.note())
			.update();
	}

	private long effects(String consumer, String note) {
		return this.jdbc.sql("SELECT count(*) FROM ledger_effect WHERE consumer = ? AND note = ?")
			.params(consumer, note)
			.query(Long.class)
			.single();
	}

	private long distinctEffects(String consumer, String note) {
		return this.jdbc.sql("SELECT count(DISTINCT event_id) FROM ledger_effect WHERE consumer = ? AND note = ?")
			.params(consumer, note)
			.query(Long.class)
			.single();
	}

	private long effectsForAccount(String consumer, String account, String note) {
		return this.jdbc.sql("SELECT count(*) FROM ledger_effect WHERE consumer = ? AND account = ? AND note = ?")
			.params(consumer, account, note)
			.query(Long.class)
			.single();
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
