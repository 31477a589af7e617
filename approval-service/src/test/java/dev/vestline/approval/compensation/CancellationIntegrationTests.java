package dev.vestline.approval.compensation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vestline.approval.support.Api;
import dev.vestline.approval.support.ApprovalIntegrationTest;
import dev.vestline.approval.support.PublishedEvents;
import dev.vestline.approval.support.Scenario;
import dev.vestline.events.DomainEvent;
import dev.vestline.events.approval.ApprovalCancellationRequested;
import dev.vestline.events.approval.ApprovalCancelled;
import dev.vestline.events.approval.ApprovalReopened;
import dev.vestline.events.signature.DocumentKind;
import dev.vestline.events.signature.Signer;
import dev.vestline.events.signature.SigningWorkflowCancelled;
import dev.vestline.events.signature.SigningWorkflowCompleted;
import dev.vestline.events.signature.SigningWorkflowCreated;
import dev.vestline.events.signature.SigningWorkflowFailed;
import dev.vestline.messaging.cloudevents.EventRecords;
import dev.vestline.testharness.Race;
import dev.vestline.testharness.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
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
 * Cancelling a granted approval against its signing workflow: the workflow's state in the
 * signature service decides. Capacity stays reserved while the cancellation is pending; a
 * cancelled or failed workflow releases it once, a completed one keeps it and refuses the
 * cancellation. The signature service's answers arrive as real Kafka records.
 */
@ApprovalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CancellationIntegrationTests {

	static final int ROUNDS = 3;

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
	void aCancellationBeforeSignatureSawTheGrantHoldsTheCapacityUntilTheWorkflowIsCancelled() throws Exception {
		UUID deal = this.scenario.deal("1000.00");
		Api.Response granted = this.scenario.grantedSubscription(deal, "inv-k1", "600.00");
		UUID approval = UUID.fromString(granted.text("id"));

		Api.Response cancelling = cancel(granted, "inv-k1");
		assertThat(cancelling.status()).as(cancelling.toString()).isEqualTo(202);
		assertThat(cancelling.text("status")).isEqualTo("CANCELLING");
		assertThat(this.scenario.reserved(deal)).isEqualTo("600.00");
		ApprovalCancellationRequested requested = this.published.of(approval, ApprovalCancellationRequested.class)
			.get(0);
		assertThat(requested.requestedBy()).isEqualTo("inv-k1");
		assertThat(requested.reason()).isEqualTo("changed my mind");
		assertThat(requested.grantedAt()).isNotNull();
		assertThat(this.published.of(approval, ApprovalCancelled.class)).isEmpty();

		UUID workflow = UUID.randomUUID();
		send(new SigningWorkflowCancelled(workflow, approval, "The approval's cancellation was requested", "inv-k1",
				Instant.now()));
		awaitStatus(approval, "CANCELLED");

		assertThat(this.scenario.reserved(deal)).isEqualTo("0.00");
		List<ApprovalCancelled> cancelled = this.published.of(approval, ApprovalCancelled.class);
		assertThat(cancelled).hasSize(1);
		assertThat(cancelled.get(0).releasedAmount().amount()).isEqualByComparingTo("600");
		assertThat(cancelled.get(0).cancelledBy()).isEqualTo("inv-k1");
		assertThat(cancelled.get(0).reason()).isEqualTo("changed my mind");
	}

	@Test
	void aCancellationWhileTheWorkflowIsOpenEndsWhenItsWorkflowIsCancelled() throws Exception {
		UUID deal = this.scenario.deal("1000.00");
		Api.Response granted = this.scenario.grantedSubscription(deal, "inv-k2", "300.00");
		UUID approval = UUID.fromString(granted.text("id"));
		UUID workflow = UUID.randomUUID();
		send(created(workflow, approval));
		awaitAudit(approval, "WORKFLOW_OPENED");

		Api.Response cancelling = cancel(this.api.get("/api/v1/approvals/" + approval, OPERATIONS), "inv-k2");
		assertThat(cancelling.status()).as(cancelling.toString()).isEqualTo(202);
		send(new SigningWorkflowCancelled(workflow, approval, "cancellation requested", "inv-k2", Instant.now()));
		awaitStatus(approval, "CANCELLED");

		assertThat(this.scenario.reserved(deal)).isEqualTo("0.00");
		assertThat(this.published.of(approval, ApprovalCancelled.class)).hasSize(1);
	}

	@Test
	void refusesTheCancellationWhenSigningCompletedFirstAndKeepsTheCapacity() throws Exception {
		UUID deal = this.scenario.deal("1000.00");
		Api.Response granted = this.scenario.grantedSubscription(deal, "inv-k3", "400.00");
		UUID approval = UUID.fromString(granted.text("id"));
		UUID workflow = UUID.randomUUID();
		send(created(workflow, approval));
		awaitAudit(approval, "WORKFLOW_OPENED");

		Api.Response cancelling = cancel(this.api.get("/api/v1/approvals/" + approval, OPERATIONS), "inv-k3");
		assertThat(cancelling.status()).as(cancelling.toString()).isEqualTo(202);
		// signature had committed COMPLETED before it saw the cancellation request
		send(completed(workflow, approval));
		awaitStatus(approval, "EXECUTED");

		assertThat(this.scenario.reserved(deal)).isEqualTo("400.00");
		assertThat(this.published.of(approval, ApprovalCancelled.class)).isEmpty();
		assertThat(auditReasons(approval, "CANCEL_REFUSED")).singleElement()
			.asString()
			.contains("signing completed first");
		Api.Response investorView = this.api.get("/api/v1/approvals/" + approval, Api.token("inv-k3", "investor"));
		assertThat(investorView.text("status")).isEqualTo("EXECUTED");
		assertThat(investorView.json().path("cancellationRequestedAt").isNull()).isFalse();
		assertThat(consistencyViolations()).isZero();
	}

	@Test
	void aCancellationAfterSigningCompletedIsRefusedAtOnce() throws Exception {
		UUID deal = this.scenario.deal("1000.00");
		Api.Response granted = this.scenario.grantedSubscription(deal, "inv-k4", "200.00");
		UUID approval = UUID.fromString(granted.text("id"));
		send(completed(UUID.randomUUID(), approval));
		awaitStatus(approval, "EXECUTED");

		Api.Response refused = cancel(this.api.get("/api/v1/approvals/" + approval, OPERATIONS), "inv-k4");
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.text("type")).endsWith("/not-cancellable");
		assertThat(this.scenario.reserved(deal)).isEqualTo("200.00");
		assertThat(this.published.of(approval, ApprovalCancellationRequested.class)).isEmpty();
	}

	@Test
	void aWorkflowThatFailsAfterTheCancellationWasRequestedCancelsTheApprovalInsteadOfReopeningIt() throws Exception {
		UUID deal = this.scenario.deal("1000.00");
		Api.Response granted = this.scenario.grantedSubscription(deal, "inv-k5", "500.00");
		UUID approval = UUID.fromString(granted.text("id"));
		assertThat(cancel(granted, "inv-k5").status()).isEqualTo(202);

		send(new SigningWorkflowFailed(UUID.randomUUID(), approval, "not opened: cancellation requested first",
				Instant.now()));
		awaitStatus(approval, "CANCELLED");

		assertThat(this.scenario.reserved(deal)).isEqualTo("0.00");
		assertThat(this.published.of(approval, ApprovalCancelled.class)).hasSize(1);
		assertThat(this.published.of(approval, ApprovalReopened.class)).isEmpty();
	}

	@Test
	void aPendingApprovalIsCancelledAtOnce() {
		UUID deal = this.scenario.deal("1000.00");
		Api.Response pending = this.scenario.subscriptionAwaitingLastStep(deal, "inv-k6", "100.00");
		Api.Response cancelled = cancel(pending, "inv-k6");
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
		assertThat(this.published.of(UUID.fromString(pending.text("id")), ApprovalCancellationRequested.class))
			.isEmpty();
	}

	@Test
	void aCancellationRacingTheSigningCompletionNeverReleasesWhatWasSigned() throws Exception {
		int cancelsFirst = 0;
		for (int round = 0; round < ROUNDS; round++) {
			UUID deal = this.scenario.deal("1000.00");
			List<Api.Response> granted = new ArrayList<>();
			List<UUID> workflows = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				Api.Response approval = this.scenario.grantedSubscription(deal, "inv-race-" + round + "-" + i,
						"100.00");
				UUID workflow = UUID.randomUUID();
				send(created(workflow, UUID.fromString(approval.text("id"))));
				granted.add(approval);
				workflows.add(workflow);
			}
			for (Api.Response approval : granted) {
				awaitAudit(UUID.fromString(approval.text("id")), "WORKFLOW_OPENED");
			}
			List<Api.Response> current = granted.stream()
				.map((a) -> this.api.get("/api/v1/approvals/" + a.text("id"), OPERATIONS))
				.toList();
			int r = round;
			List<Api.Response> answers = Race.run(20, (i) -> {
				Api.Response approval = current.get(i / 2);
				if (i % 2 == 0) {
					return cancel(approval, "inv-race-" + r + "-" + (i / 2));
				}
				send(completed(workflows.get(i / 2), UUID.fromString(approval.text("id"))));
				return null;
			});

			for (int i = 0; i < 10; i++) {
				UUID approval = UUID.fromString(granted.get(i).text("id"));
				awaitStatus(approval, "EXECUTED");
				Api.Response answer = answers.get(2 * i);
				assertThat(answer.status()).as(answer.toString()).isIn(202, 409, 412);
				cancelsFirst += (answer.status() == 202) ? 1 : 0;
				assertThat(this.published.of(approval, ApprovalCancelled.class)).isEmpty();
				// a cancel that lost the race at its update is refused too (lost-race);
				// only one that came first is refused because signing completed first
				assertThat(auditReasons(approval, "CANCEL_REFUSED"))
					.filteredOn((reason) -> reason.contains("signing completed first"))
					.hasSize((answer.status() == 202) ? 1 : 0);
			}
			assertThat(this.scenario.reserved(deal)).isEqualTo("1000.00");
			assertThat(consistencyViolations()).isZero();
		}
		// both interleavings happen: some cancellations came before the completion
		assertThat(cancelsFirst).isPositive();
	}

	private Api.Response cancel(Api.Response approval, String investor) {
		return this.api.post("/api/v1/approvals/" + approval.text("id") + "/cancel", Api.token(investor, "investor"),
				Map.of("reason", "changed my mind"), approval.ifMatch());
	}

	private void send(DomainEvent event) {
		try {
			this.signatureService.send(EventRecords.record(event)).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
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

	private void awaitStatus(UUID approval, String status) {
		await().atMost(Duration.ofSeconds(90))
			.until(() -> this.jdbc.sql("SELECT status FROM approval WHERE id = :id")
				.param("id", approval)
				.query(String.class)
				.single()
				.equals(status));
	}

	private void awaitAudit(UUID approval, String action) {
		await().atMost(Duration.ofSeconds(90)).until(() -> !auditReasons(approval, action).isEmpty());
	}

	private List<String> auditReasons(UUID approval, String action) {
		return this.jdbc.sql("SELECT coalesce(reason, '') FROM approval_audit WHERE approval_id = :id AND action = :a")
			.param("id", approval)
			.param("a", action)
			.query(String.class)
			.list();
	}

	private long consistencyViolations() {
		Api.Response check = this.api.post("/api/v1/consistency-checks", OPERATIONS, null);
		assertThat(check.status()).as(check.toString()).isEqualTo(200);
		return check.json().path("violations").properties().stream().mapToLong((e) -> e.getValue().asLong()).sum();
	}

}
