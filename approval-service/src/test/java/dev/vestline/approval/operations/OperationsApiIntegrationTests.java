package dev.vestline.approval.operations;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vestline.approval.support.Api;
import dev.vestline.approval.support.ApprovalApiTest;
import dev.vestline.events.Topics;
import dev.vestline.events.signature.SigningWorkflowFailed;
import dev.vestline.messaging.cloudevents.EventRecords;
import dev.vestline.messaging.outbox.OutboxStatus;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.vestline.approval.support.Scenario.OPERATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operations API of the shared kit, in a real approval-service on the harness's
 * PostgreSQL and Kafka: the status names the outbox backlog, the relay leader and the
 * invariants; operator actions are recorded with who and why; only operations may ask.
 */
class OperationsApiIntegrationTests extends ApprovalApiTest {

	static final String DLT = Topics.deadLetter(Topics.SIGNATURE, "approval");

	@Autowired
	OutboxStatus outbox;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void reportsTheBacklogTheRelayLeaderTheInvariantsAndTheDeadLetters() {
		JsonNode status = await().atMost(Duration.ofSeconds(60))
			.until(this::status,
					(found) -> !found.path("relayLeader").isNull() && !found.path("relayLeader").isMissingNode());
		assertThat(status.path("service").asString()).isEqualTo("approval");
		// one instance in this test: it is the one whose session holds the relay lock
		assertThat(status.path("relayLeader").path("instance").asString())
			.isEqualTo(status.path("answeredBy").asString())
			.startsWith("approval-service ");
		assertThat(status.path("outbox").path("backlog").isIntegralNumber()).isTrue();
		assertThat(status.path("invariants").valueStream().map((i) -> i.path("name").asString()))
			.contains("deal_reserved_equals_reservations", "completed_signing_is_executed");
		assertThat(status.path("invariants").valueStream().map((i) -> i.path("violations").asLong())).containsOnly(0L);
		assertThat(status.path("deadLetters").valueStream().map((d) -> d.path("deadLetterTopic").asString()))
			.contains(DLT);
	}

	@Test
	void countsAnUnpublishedEventAndItsAgeInTheBacklog() {
		// written and read in one transaction that is rolled back, so no relay ever sees
		// it
		new TransactionTemplate(this.transactions).executeWithoutResult((transaction) -> {
			insertEvent(UUID.randomUUID(), "1 hour");
			OutboxStatus.Backlog backlog = this.outbox.backlog();
			assertThat(backlog.size()).isPositive();
			assertThat(backlog.oldestAge()).isGreaterThanOrEqualTo(Duration.ofHours(1));
			assertThat(backlog.oldestCreatedAt()).isBefore(Instant.now().minus(Duration.ofMinutes(59)));
			transaction.setRollbackOnly();
		});
	}

	@Test
	void countsAParkedEvent() {
		UUID id = UUID.randomUUID();
		long parkedBefore = status().path("outbox").path("parked").asLong();
		// parked in the transaction that writes it: never on the relay's work list
		new TransactionTemplate(this.transactions).executeWithoutResult((transaction) -> {
			long position = insertEvent(id, "1 minute");
			this.jdbc.sql("DELETE FROM outbox_pending WHERE position = ?").param(position).update();
			this.jdbc.sql("INSERT INTO outbox_parked (position, topic, record_key, reason) VALUES (?, ?, ?, ?)")
				.params(position, "approval.events", "ops-" + id, "refused in a test")
				.update();
		});
		try {
			assertThat(status().path("outbox").path("parked").asLong()).isEqualTo(parkedBefore + 1);
		}
		finally {
			this.jdbc.sql("DELETE FROM outbox_parked WHERE record_key = ?").param("ops-" + id).update();
			this.jdbc.sql("DELETE FROM outbox_event WHERE id = ?").param(id).update();
		}
	}

	@Test
	void recordsADiscardWithWhoAndWhyAndNotARefusedOne() throws Exception {
		UUID approval = UUID.randomUUID();
		String key = UUID.randomUUID().toString();
		List<String> poisons = List.of(poison(key), poison(key));
		List<JsonNode> mine = await().atMost(Duration.ofSeconds(60))
			.until(() -> pendingOf(poisons), (found) -> found.size() == 2);
		JsonNode first = mine.get(0);
		JsonNode second = mine.get(1);
		long before = actionCount();

		// the second is not the first pending of its partition: refused, nothing recorded
		Api.Response refused = this.api.post("/api/v1/dead-letters/" + DLT + "/discard", OPERATIONS, Map.of("partition",
				second.path("partition").asInt(), "offset", second.path("offset").asLong(), "reason", "out of turn"));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(actionCount()).isEqualTo(before);

		discardUpTo(first, "a producer bug, never valid " + approval);
		JsonNode newest = this.api.get("/api/v1/operations/actions?limit=1", OPERATIONS).json().path("items").get(0);
		assertThat(newest.path("actor").asString()).isEqualTo("olga");
		assertThat(newest.path("action").asString()).isEqualTo("dead-letter.discard");
		assertThat(newest.path("reason").asString()).isEqualTo("a producer bug, never valid " + approval);
		assertThat(newest.path("target").asString()).isEqualTo(
				DLT + " partition " + first.path("partition").asInt() + " offset " + first.path("offset").asLong());
		assertThat(newest.path("outcome").asString()).contains(first.path("eventId").asString());
		discardUpTo(second, "the same bug");
	}

	@Test
	void recordsAReplayWithItsReasonAndAReplayWithoutOne() {
		String reason = "decoder fixed " + UUID.randomUUID();
		Api.Response replayed = this.api.post("/api/v1/dead-letters/" + DLT + "/replay", OPERATIONS,
				Map.of("reason", reason));
		assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
		JsonNode newest = this.api.get("/api/v1/operations/actions?limit=1", OPERATIONS).json().path("items").get(0);
		assertThat(newest.path("action").asString()).isEqualTo("dead-letter.replay");
		assertThat(newest.path("reason").asString()).isEqualTo(reason);
		assertThat(newest.path("outcome").asString()).endsWith("sent back to approval on signature.events");
		// callers from before the reason existed send no body
		assertThat(this.api.post("/api/v1/dead-letters/" + DLT + "/replay", OPERATIONS, null).status()).isEqualTo(200);
		JsonNode withoutReason = this.api.get("/api/v1/operations/actions?limit=1", OPERATIONS)
			.json()
			.path("items")
			.get(0)
			.path("reason");
		assertThat(withoutReason.isNull() || withoutReason.isMissingNode()).isTrue();
	}

	@Test
	void recordsAConsistencyCheckAndPagesTheAuditNewestFirst() {
		assertThat(this.api.post("/api/v1/consistency-checks", OPERATIONS, null).status()).isEqualTo(200);
		assertThat(this.api.post("/api/v1/consistency-checks", Api.token("oscar", "operations"), null).status())
			.isEqualTo(200);
		JsonNode page = this.api.get("/api/v1/operations/actions?limit=1", OPERATIONS).json();
		JsonNode newest = page.path("items").get(0);
		assertThat(newest.path("actor").asString()).isEqualTo("oscar");
		assertThat(newest.path("action").asString()).isEqualTo("consistency-check.run");
		assertThat(newest.path("outcome").asString()).isEqualTo("every invariant holds");
		JsonNode older = this.api
			.get("/api/v1/operations/actions?limit=1&after=" + page.path("next").asString(), OPERATIONS)
			.json()
			.path("items")
			.get(0);
		assertThat(older.path("actor").asString()).isEqualTo("olga");
		assertThat(older.path("id").asLong()).isLessThan(newest.path("id").asLong());
	}

	@Test
	void letsOnlyOperationsAskAndNamesABadParameter() {
		for (String role : List.of("approver", "compliance", "investor")) {
			assertThat(this.api.get("/api/v1/operations/status", Api.token("x", role)).status()).isEqualTo(403);
			assertThat(this.api.get("/api/v1/operations/actions", Api.token("x", role)).status()).isEqualTo(403);
		}
		assertThat(this.api.get("/api/v1/operations/status", null).status()).isEqualTo(401);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "limit=0, limit", "limit=101, limit", "limit=ten, limit", "after=0, after", "after=first, after" })
	void answersABadParameterWithAProblemNamingIt(String query, String field) {
		Api.Response response = this.api.get("/api/v1/operations/actions?" + query, OPERATIONS);
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo(field);
	}

	private JsonNode status() {
		Api.Response response = this.api.get("/api/v1/operations/status", OPERATIONS);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private long insertEvent(UUID id, String age) {
		return this.jdbc.sql("""
				INSERT INTO outbox_event (id, topic, record_key, event_type, source, payload, occurred_at, created_at)
				VALUES (:id, 'approval.events', :key, 'dev.vestline.test.Nothing.v1', 'urn:test', '{}'::json, now(),
				        now() - CAST(:age AS interval))
				RETURNING position
				""").param("id", id).param("key", "ops-" + id).param("age", age).query(Long.class).single();
	}

	private long actionCount() {
		return this.jdbc.sql("SELECT count(*) FROM operator_action").query(Long.class).single();
	}

	/** Sends a record approval cannot decode; its group parks it. @return its event id */
	private String poison(String key) throws Exception {
		ProducerRecord<String, byte[]> valid = EventRecords
			.record(new SigningWorkflowFailed(UUID.fromString(key), UUID.randomUUID(), "x", Instant.now()));
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.infrastructure.kafka().bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			producer
				.send(new ProducerRecord<>(valid.topic(), null, key, "{not json".getBytes(StandardCharsets.UTF_8),
						valid.headers()))
				.get();
		}
		return new String(valid.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
	}

	private List<JsonNode> pendingOf(List<String> eventIds) {
		List<JsonNode> found = new ArrayList<>();
		this.api.get("/api/v1/dead-letters/" + DLT + "?limit=500", OPERATIONS)
			.json()
			.path("items")
			.valueStream()
			.filter((item) -> eventIds.contains(item.path("eventId").asString()))
			.forEach(found::add);
		return found;
	}

	/**
	 * Discards the first pending dead letters of the record's partition until the record
	 * itself (other tests' poison may be pending before it).
	 */
	private void discardUpTo(JsonNode record, String reason) {
		int partition = record.path("partition").asInt();
		long offset = record.path("offset").asLong();
		JsonNode firstPending;
		do {
			firstPending = this.api.get("/api/v1/dead-letters/" + DLT + "?limit=500", OPERATIONS)
				.json()
				.path("items")
				.valueStream()
				.filter((item) -> item.path("partition").asInt() == partition)
				.findFirst()
				.orElseThrow();
			Api.Response discarded = this.api.post("/api/v1/dead-letters/" + DLT + "/discard", OPERATIONS,
					Map.of("partition", partition, "offset", firstPending.path("offset").asLong(), "reason", reason));
			assertThat(discarded.status()).as(discarded.toString()).isEqualTo(200);
		}
		while (firstPending.path("offset").asLong() < offset);
	}

}
