package dev.vestline.messaging.deadletters;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import dev.vestline.messaging.LedgerEntryRecorded;
import dev.vestline.messaging.MessagingTestApplication.LedgerEventsListener;
import dev.vestline.messaging.inbox.DeadLetterErrorHandler;
import dev.vestline.messaging.inbox.InboxMetrics;
import dev.vestline.messaging.inbox.LedgerRecords;
import dev.vestline.testharness.Race;
import dev.vestline.testharness.RealInfrastructure;
import dev.vestline.testharness.TestInfrastructure;
import dev.vestline.testharness.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Dead letters listed and replayed through a real broker, with the replay lock in real
 * PostgreSQL.
 */
@SpringBootTest
@RealInfrastructure(service = "ledger")
class DeadLetterReplayIntegrationTests {

	static final DeadLetterTopic PROJECTION = new DeadLetterTopic(LedgerEntryRecorded.TOPIC, "ledger-projection");

	@Autowired
	DeadLetters deadLetters;

	@Autowired
	InboxMetrics metrics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestInfrastructure infrastructure;

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
	void knowsTheDeadLetterTopicOfEveryListener() {
		assertThat(this.deadLetters.topics()).extracting(DeadLetterTopic::name)
			.containsExactlyInAnyOrder("ledger.events.ledger-all.dlt", "ledger.events.ledger-batch.dlt",
					"ledger.events.ledger-projection.dlt");
		assertThat(this.deadLetters.find("ledger.events.ledger-projection.dlt")).contains(PROJECTION);
		assertThat(this.deadLetters.find("ledger.events.nobody.dlt")).isEmpty();
	}

	@Test
	void replaysADeadLetterToTheGroupThatGaveUpOnItAloneOnceTheCauseIsFixed() throws Exception {
		String account = "acc-" + UUID.randomUUID();
		String note = "broken:" + UUID.randomUUID();
		UUID id = LedgerRecords.newId();
		this.producer.send(LedgerRecords.record(id, new LedgerEntryRecorded(account, 1, note))).get();

		DeadLetter parked = await().atMost(Duration.ofSeconds(60))
			.until(() -> find(this.deadLetters.pending(PROJECTION, 10_000), id), Optional::isPresent)
			.orElseThrow();
		assertThat(parked.reason()).isEqualTo("IllegalStateException: ledger-projection cannot apply " + note + " yet");
		assertThat(parked.type()).isEqualTo(LedgerEntryRecorded.TYPE.ceType());
		assertThat(parked.key()).isEqualTo(account);
		assertThat(parked.originalPartition()).isNotNull();
		assertThat(parked.originalOffset()).isNotNull();
		for (String other : List.of("ledger-batch", "ledger-all")) {
			await().atMost(Duration.ofSeconds(60)).until(() -> effects(other, note) == 1);
		}
		assertThat(effects("ledger-projection", note)).isZero();
		double batchDuplicates = this.metrics.duplicatedCount("ledger-batch");
		double allDuplicates = this.metrics.duplicatedCount("ledger-all");
		double batchIgnored = this.metrics.replayIgnoredCount("ledger-batch");
		double allIgnored = this.metrics.replayIgnoredCount("ledger-all");

		LedgerEventsListener.REPAIRED.add(note);
		Replay replay = this.deadLetters.replay(PROJECTION, 10_000);

		assertThat(find(replay.replayed(), id)).isPresent();
		await().atMost(Duration.ofSeconds(60)).until(() -> effects("ledger-projection", note) == 1);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.metrics.replayIgnoredCount("ledger-batch") >= batchIgnored + 1
					&& this.metrics.replayIgnoredCount("ledger-all") >= allIgnored + 1);
		// the other groups ignored the replay: no second effect, not even a redelivery
		assertThat(effects("ledger-batch", note)).isEqualTo(1);
		assertThat(effects("ledger-all", note)).isEqualTo(1);
		assertThat(this.metrics.duplicatedCount("ledger-batch")).isEqualTo(batchDuplicates);
		assertThat(this.metrics.duplicatedCount("ledger-all")).isEqualTo(allDuplicates);
		assertThat(find(this.deadLetters.pending(PROJECTION, 10_000), id)).isEmpty();
		assertThat(find(this.deadLetters.replay(PROJECTION, 10_000).replayed(), id)).isEmpty();
		assertThat(effects("ledger-projection", note)).isEqualTo(1);
	}

	@Test
	void replaysEachDeadLetterOnceWhenReplaysRaceAndHonoursTheLimit() throws Exception {
		String group = "ledger-race-" + UUID.randomUUID();
		DeadLetterTopic topic = new DeadLetterTopic(LedgerEntryRecorded.TOPIC, group);
		List<String> ids = parkDeadLetters(topic, 2, 50);
		assertThat(this.deadLetters.pendingCount(topic)).isEqualTo(50);

		Replay first = this.deadLetters.replay(topic, 20);
		assertThat(first.replayed()).hasSize(20);
		assertThat(this.deadLetters.pendingCount(topic)).isEqualTo(30);

		List<Object> outcomes = Race.run(8, (i) -> {
			try {
				return this.deadLetters.replay(topic, 10_000);
			}
			catch (ReplayRunningException ex) {
				return ex;
			}
		});
		List<Replay> replays = outcomes.stream().filter(Replay.class::isInstance).map(Replay.class::cast).toList();
		assertThat(outcomes).allMatch((o) -> o instanceof Replay || o instanceof ReplayRunningException);
		assertThat(replays).filteredOn((r) -> !r.replayed().isEmpty()).hasSize(1);
		assertThat(replays.stream().mapToInt((r) -> r.replayed().size()).sum()).isEqualTo(30);
		assertThat(this.deadLetters.pendingCount(topic)).isZero();

		// every replayed record reached the original topic once, for that group only
		try (TopicReader reader = new TopicReader(this.infrastructure.kafka().bootstrapServers(),
				LedgerEntryRecorded.TOPIC)) {
			List<ConsumerRecord<String, byte[]>> replayed = reader
				.readUntil((all) -> fromTopic(all, topic).size() >= 50, Duration.ofMinutes(2))
				.stream()
				.filter((r) -> replayedFrom(r).startsWith(topic.name() + "/"))
				.toList();
			assertThat(replayed).hasSize(50);
			assertThat(replayed.stream().map(DeadLetterReplayIntegrationTests::replayedFrom).distinct()).hasSize(50);
			assertThat(replayed.stream().map((r) -> header(r, "ce_id"))).containsExactlyInAnyOrderElementsOf(ids);
			assertThat(replayed).allSatisfy((r) -> {
				assertThat(header(r, DeadLetterErrorHandler.REPLAY_FOR_HEADER)).isEqualTo(group);
				assertThat(r.headers().lastHeader(DeadLetterErrorHandler.REASON_HEADER)).isNull();
				assertThat(r.headers().lastHeader("kafka_dlt-original-topic")).isNull();
			});
		}
	}

	@Test
	void discardsOnlyTheFirstPendingDeadLetterOfAPartitionAndTheReplaySendsTheRest() throws Exception {
		String group = "ledger-discard-" + UUID.randomUUID();
		DeadLetterTopic topic = new DeadLetterTopic(LedgerEntryRecorded.TOPIC, group);
		List<String> ids = parkDeadLetters(topic, 1, 3);

		assertThatThrownBy(() -> this.deadLetters.discard(topic, 0, 1)).isInstanceOf(NotFirstPendingException.class)
			.satisfies((ex) -> assertThat(((NotFirstPendingException) ex).firstPending()).isZero());
		DeadLetter discarded = this.deadLetters.discard(topic, 0, 0);
		assertThat(discarded.eventId()).isEqualTo(ids.get(0));
		assertThat(this.deadLetters.pendingCount(topic)).isEqualTo(2);
		assertThatThrownBy(() -> this.deadLetters.discard(topic, 0, 0)).isInstanceOf(NotFirstPendingException.class)
			.satisfies((ex) -> assertThat(((NotFirstPendingException) ex).firstPending()).isOne());

		Replay replay = this.deadLetters.replay(topic, 10_000);
		assertThat(replay.replayed()).extracting(DeadLetter::eventId).containsExactly(ids.get(1), ids.get(2));
		assertThat(this.deadLetters.pendingCount(topic)).isZero();
		assertThatThrownBy(() -> this.deadLetters.discard(topic, 0, 3)).isInstanceOf(NotFirstPendingException.class)
			.satisfies((ex) -> assertThat(((NotFirstPendingException) ex).firstPending()).isEqualTo(-1));
	}

	@Test
	void declaresDeadLetterTopicsThatKeepTheirRecordsUntilReplayedOrDiscarded() throws Exception {
		try (Admin admin = Admin.create(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.infrastructure.kafka().bootstrapServers()))) {
			ConfigResource dlt = new ConfigResource(ConfigResource.Type.TOPIC, PROJECTION.name());
			await().atMost(Duration.ofSeconds(60))
				.until(() -> admin.listTopics().names().get().contains(PROJECTION.name()));
			var config = admin.describeConfigs(List.of(dlt)).all().get().get(dlt);
			assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
			assertThat(config.get(TopicConfig.RETENTION_BYTES_CONFIG).value()).isEqualTo("-1");
		}
	}

	@Test
	void remembersWhatWasDiscardedAndReplayedWhenTheReplayGroupsOffsetsAreGone() throws Exception {
		String group = "ledger-durable-" + UUID.randomUUID();
		DeadLetterTopic topic = new DeadLetterTopic(LedgerEntryRecorded.TOPIC, group);
		List<String> ids = parkDeadLetters(topic, 1, 3);
		this.deadLetters.discard(topic, 0, 0);
		assertThat(this.deadLetters.replay(topic, 1).replayed()).extracting(DeadLetter::eventId)
			.containsExactly(ids.get(1));

		// committed offsets of a group without members expire (offsets.retention.minutes)
		try (Admin admin = Admin.create(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.infrastructure.kafka().bootstrapServers()))) {
			admin.deleteConsumerGroups(List.of(group + ".dlt-replay")).all().get();
		}
		catch (ExecutionException ex) {
			// no such group: the progress was never kept in Kafka
			assertThat(ex.getCause()).isInstanceOf(GroupIdNotFoundException.class);
		}

		assertThat(this.deadLetters.pendingCount(topic)).isOne();
		assertThat(this.deadLetters.pending(topic, 10)).extracting(DeadLetter::eventId).containsExactly(ids.get(2));
		assertThat(this.deadLetters.replay(topic, 10).replayed()).extracting(DeadLetter::eventId)
			.containsExactly(ids.get(2));
		assertThat(this.deadLetters.pendingCount(topic)).isZero();
		assertThat(this.jdbc.sql("SELECT next_offset FROM dead_letter_progress WHERE dead_letter_topic = ?")
			.param(topic.name())
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	/**
	 * Creates a dead-letter topic of its own and parks records on it as the error handler
	 * would.
	 * @return their event ids, in the order parked
	 */
	private List<String> parkDeadLetters(DeadLetterTopic topic, int partitions, int count) throws Exception {
		try (Admin admin = Admin.create(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.infrastructure.kafka().bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(topic.name(), partitions, (short) 1))).all().get();
		}
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			UUID id = LedgerRecords.newId();
			ids.add(id.toString());
			ProducerRecord<String, byte[]> original = LedgerRecords.record(id,
					new LedgerEntryRecorded("parked-" + i, 1, "parked"));
			ProducerRecord<String, byte[]> dead = new ProducerRecord<>(topic.name(), null, original.key(),
					original.value(), original.headers());
			dead.headers().add(DeadLetterErrorHandler.REASON_HEADER, "IllegalStateException: test".getBytes());
			dead.headers().add("kafka_dlt-original-topic", LedgerEntryRecorded.TOPIC.getBytes());
			this.producer.send(dead).get();
		}
		return ids;
	}

	private static List<ConsumerRecord<String, byte[]>> fromTopic(List<ConsumerRecord<String, byte[]>> records,
			DeadLetterTopic topic) {
		return records.stream().filter((r) -> replayedFrom(r).startsWith(topic.name() + "/")).toList();
	}

	private static String replayedFrom(ConsumerRecord<String, byte[]> record) {
		String from = header(record, DeadLetterErrorHandler.REPLAYED_FROM_HEADER);
		return (from != null) ? from : "";
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static Optional<DeadLetter> find(List<DeadLetter> letters, UUID id) {
		return letters.stream().filter((letter) -> id.toString().equals(letter.eventId())).findFirst();
	}

	private long effects(String consumer, String note) {
		return this.jdbc.sql("SELECT count(*) FROM ledger_effect WHERE consumer = ? AND note = ?")
			.params(consumer, note)
			.query(Long.class)
			.single();
	}

}
