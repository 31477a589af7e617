package dev.vestline.approval.compensation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.uuid.Generators;
import dev.vestline.approval.support.Api;
import dev.vestline.approval.support.ApprovalIntegrationTest;
import dev.vestline.approval.support.PublishedEvents;
import dev.vestline.approval.support.Scenario;
import dev.vestline.events.DomainEvent;
import dev.vestline.events.Money;
import dev.vestline.events.Topics;
import dev.vestline.events.approval.ApprovalCancelled;
import dev.vestline.events.approval.ApprovalReopened;
import dev.vestline.events.signature.DocumentKind;
import dev.vestline.events.signature.SigningWorkflowCancelled;
import dev.vestline.events.signature.Signer;
import dev.vestline.events.signature.SigningWorkflowCompleted;
import dev.vestline.events.signature.SigningWorkflowCreated;
import dev.vestline.events.signature.SigningWorkflowFailed;
import dev.vestline.messaging.cloudevents.EventRecords;
import dev.vestline.testharness.TestInfrastructure;
import dev.vestline.testharness.TopicReader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.vestline.approval.support.Scenario.OPERATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The signature service's outcomes arrive as real Kafka records, as its relay would send
 * them, and are compensated exactly once.
 */
@ApprovalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompensationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestInfrastructure infrastructure;

	@Autowired
	JdbcClient jdbc;

	Api api;

	Scenario scenario;

	PublishedEvents published;

	KafkaProducer<String, byte[]> signatureService;

	@BeforeAll
	void connect() {
		String kafka = this.infrastructure.kafka().bootstrapServers();
		this.published = new PublishedEvents(kafka, this.jdbc);
		this.signatureService = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka),
				new StringSerializer(), new ByteArraySerializer());
	}

	@AfterAll
	void disconnect() {
		this.published.close();
		this.signatureService.close();
	}

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.scenario = new Scenario(this.api);
	}

	@Test
	void reopensOnceAndReleasesCapacityOnceWhenAFailureIsDeliveredThreeTimes() throws Exception {
		UUID deal = this.scenario.deal("1000.00");
		Api.Response granted = this.scenario.grantedSubscription(deal, "inv-f", "600.00");
		UUID approval = UUID.fromString(granted.text("id"));
		UUID workflow = UUID.randomUUID();
		UUID eventId = Generators.timeBasedEpochGenerator().generate();
		SigningWorkflowFailed failed = new SigningWorkflowFailed(workflow, approval, "template missing", Instant.now());
		for (int i = 0; i < 3; i++) {
			this.signatureService.send(EventRecords.record(failed, eventId, null)).get();
		}
		// a later record of the same workflow (same key, same partition) proves the three
		// were handled
		this.signatureService.send(EventRecords.record(completed(workflow, approval))).get();
		awaitAudit(approval, "COMPENSATION_IGNORED");

		Api.Response reopened = this.api.get("/api/v1/approvals/" + approval, OPERATIONS);
		assertThat(reopened.text("status")).isEqualTo("PENDING");
		assertThat(reopened.json().path("currentStep").asInt()).isEqualTo(2);
		assertThat(reopened.text("reopenReason")).contains("template missing");
		assertThat(this.scenario.reserved(deal)).isEqualTo("0.00");
		List<ApprovalReopened> events = this.published.of(approval, ApprovalReopened.class);
		assertThat(events).hasSize(1);
		assertThat(events.get(0).releasedAmount()).isEqualTo(new Money(new java.math.BigDecimal("600.00"), "EUR"));
		assertThat(events.get(0).causeWorkflowId()).isEqualTo(workflow);
		assertThat(audit(approval, "REOPENED")).isOne();

		// the last step can be decided again, by the same person, and reserves again
		Api.Response regranted = this.scenario.approve(reopened, "otto-inv-f", "operations");
		assertThat(regranted.text("status")).isEqualTo("GRANTED");
		assertThat(this.scenario.reserved(deal)).isEqualTo("600.00");
	}

	@Test
	void appliesAWorkflowsOutcomeOnceEvenUnderANewEventId() throws Exception {
		UUID deal = this.scenario.deal("1000.00");
		UUID approval = UUID.fromString(this.scenario.grantedSubscription(deal, "inv-r", "300.00").text("id"));
		UUID workflow = UUID.randomUUID();
		SigningWorkflowFailed failed = new SigningWorkflowFailed(workflow, approval, "renderer down", Instant.now());
		this.signatureService.send(EventRecords.record(failed)).get();
		this.signatureService.send(EventRecords.record(failed)).get();
		awaitAudit(approval, "COMPENSATION_IGNORED");

		assertThat(this.published.of(approval, ApprovalReopened.class)).hasSize(1);
		assertThat(this.scenario.reserved(deal)).isEqualTo("0.00");
	}

	@Test
	void cancelsAndReleasesCapacityWhenTheWorkflowIsCancelled() throws Exception {
		UUID deal = this.scenario.deal("1000.00");
		UUID approval = UUID.fromString(this.scenario.grantedSubscription(deal, "inv-c", "400.00").text("id"));
		UUID workflow = UUID.randomUUID();
		this.signatureService
			.send(EventRecords
				.record(new SigningWorkflowCancelled(workflow, approval, "investor withdrew", "sam", Instant.now())))
			.get();
		awaitAudit(approval, "CANCELLED");

		assertThat(this.api.get("/api/v1/approvals/" + approval, OPERATIONS).text("status")).isEqualTo("CANCELLED");
		assertThat(this.scenario.reserved(deal)).isEqualTo("0.00");
		ApprovalCancelled cancelled = this.published.of(approval, ApprovalCancelled.class).get(0);
		assertThat(cancelled.releasedAmount().amount()).isEqualByComparingTo("400");
		assertThat(cancelled.cancelledBy()).isEqualTo("approval-service");
		assertThat(cancelled.reason()).contains("investor withdrew");
	}

	@Test
	void marksTheApprovalExecutedWhenTheWorkflowCompletes() throws Exception {
		UUID deal = this.scenario.deal("1000.00");
		UUID approval = UUID.fromString(this.scenario.grantedSubscription(deal, "inv-e", "250.00").text("id"));
		this.signatureService.send(EventRecords.record(completed(UUID.randomUUID(), approval))).get();
		awaitAudit(approval, "EXECUTED");

		Api.Response executed = this.api.get("/api/v1/approvals/" + approval, OPERATIONS);
		assertThat(executed.text("status")).isEqualTo("EXECUTED");
		assertThat(executed.json().path("executedAt").isNull()).isFalse();
		assertThat(this.scenario.reserved(deal)).isEqualTo("250.00");
		List<DomainEvent> events = this.published.of(approval);
		assertThat(events).extracting((e) -> e.getClass().getSimpleName())
			.doesNotContain("ApprovalCancelled", "ApprovalReopened");
	}

	@Test
	void parksAnUndecodableRecordOnTheDeadLetterTopicAndKeepsConsuming() throws Exception {
		UUID deal = this.scenario.deal("1000.00");
		UUID approval = UUID.fromString(this.scenario.grantedSubscription(deal, "inv-p", "100.00").text("id"));
		UUID workflow = UUID.randomUUID();
		ProducerRecord<String, byte[]> valid = EventRecords
			.record(new SigningWorkflowFailed(workflow, approval, "x", Instant.now()));
		ProducerRecord<String, byte[]> poison = new ProducerRecord<>(valid.topic(), null, valid.key(),
				"{not json".getBytes(StandardCharsets.UTF_8), valid.headers());
		String deadLetters = Topics.deadLetter(Topics.SIGNATURE, "approval");
		try (TopicReader parked = new TopicReader(this.infrastructure.kafka().bootstrapServers(), deadLetters)) {
			this.signatureService.send(poison).get();
			this.signatureService.send(EventRecords.record(completed(workflow, approval))).get();

			awaitAudit(approval, "EXECUTED");
			assertThat(
					parked.readUntil((records) -> records.stream().anyMatch((r) -> workflow.toString().equals(r.key())),
							Duration.ofMinutes(2)))
				.isNotEmpty();
		}
		assertThat(this.scenario.reserved(deal)).isEqualTo("100.00");
	}

	@Test
	void leavesTheGrantAloneWhenAWorkflowOtherThanTheOneItOpenedFails() throws Exception {
		UUID deal = this.scenario.deal("1000.00");
		UUID approval = UUID.fromString(this.scenario.grantedSubscription(deal, "inv-w", "500.00").text("id"));
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		this.signatureService.send(EventRecords.record(created(first, approval))).get();
		awaitAudit(approval, "WORKFLOW_OPENED");
		assertThat(this.api.get("/api/v1/approvals/" + approval, OPERATIONS).text("workflowId"))
			.isEqualTo(first.toString());

		// a second workflow for the same grant (a signature-service bug or a replayed
		// grant): recorded, and its failure does not reopen the approval
		this.signatureService.send(EventRecords.record(created(second, approval))).get();
		this.signatureService
			.send(EventRecords.record(new SigningWorkflowFailed(second, approval, "duplicate", Instant.now())))
			.get();
		await().atMost(Duration.ofSeconds(60)).until(() -> audit(approval, "COMPENSATION_IGNORED") == 1);
		assertThat(audit(approval, "WORKFLOW_IGNORED")).isOne();
		Api.Response stillGranted = this.api.get("/api/v1/approvals/" + approval, OPERATIONS);
		assertThat(stillGranted.text("status")).isEqualTo("GRANTED");
		assertThat(stillGranted.text("workflowId")).isEqualTo(first.toString());
		assertThat(this.scenario.reserved(deal)).isEqualTo("500.00");
		assertThat(this.published.of(approval, ApprovalReopened.class)).isEmpty();

		// the grant's own workflow fails: reopened, and the next grant opens a new one
		this.signatureService
			.send(EventRecords.record(new SigningWorkflowFailed(first, approval, "renderer down", Instant.now())))
			.get();
		awaitAudit(approval, "REOPENED");
		Api.Response reopened = this.api.get("/api/v1/approvals/" + approval, OPERATIONS);
		assertThat(reopened.json().path("workflowId").isNull()).isTrue();
		assertThat(this.scenario.reserved(deal)).isEqualTo("0.00");
		this.scenario.approve(reopened, "otto-inv-w", "operations");
		UUID third = UUID.randomUUID();
		this.signatureService.send(EventRecords.record(created(third, approval))).get();
		this.signatureService.send(EventRecords.record(completed(third, approval))).get();
		awaitAudit(approval, "EXECUTED");
		Api.Response executed = this.api.get("/api/v1/approvals/" + approval, OPERATIONS);
		assertThat(executed.text("status")).isEqualTo("EXECUTED");
		assertThat(executed.text("workflowId")).isEqualTo(third.toString());
		assertThat(this.scenario.reserved(deal)).isEqualTo("500.00");
	}

	private static SigningWorkflowCreated created(UUID workflow, UUID approval) {
		return new SigningWorkflowCreated(workflow, approval, DocumentKind.SUBSCRIPTION_PACK, UUID.randomUUID(),
				UUID.randomUUID(), "investor", null, null,
				List.of(new Signer("investor", "Ivy Investor", "INVESTOR"), new Signer("arranger", "Arno", "ARRANGER")),
				Instant.now());
	}

	private static SigningWorkflowCompleted completed(UUID workflow, UUID approval) {
		return new SigningWorkflowCompleted(workflow, approval, DocumentKind.SUBSCRIPTION_PACK, UUID.randomUUID(),
				UUID.randomUUID(), "investor", null, null, 1, "ab".repeat(32), Instant.now());
	}

	private void awaitAudit(UUID approval, String action) {
		await().atMost(Duration.ofSeconds(60)).until(() -> audit(approval, action) > 0);
	}

	private long audit(UUID approval, String action) {
		return this.jdbc.sql("SELECT count(*) FROM approval_audit WHERE approval_id = :id AND action = :action")
			.param("id", approval)
			.param("action", action)
			.query(Long.class)
			.single();
	}

}
