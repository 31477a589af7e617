package dev.vestline.signature.workflows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vestline.events.approval.ApprovalCancellationRequested;
import dev.vestline.events.approval.ApprovalGranted;
import dev.vestline.messaging.cloudevents.EventRecords;
import dev.vestline.signature.Api;
import dev.vestline.signature.CapturedLinks;
import dev.vestline.signature.Grants;
import dev.vestline.signature.OpenWorkflows;
import dev.vestline.signature.SignatureIntegrationTest;
import dev.vestline.testharness.Race;
import dev.vestline.testharness.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A requested cancellation of a grant is answered by the state of the grant's workflow:
 * an open one is cancelled, an ended one left alone (its outcome is already published), a
 * never-opened one recorded as failed; a last signature racing the request and the
 * request never both win.
 */
@SignatureIntegrationTest
class GrantCancellationIntegrationTests {

	@Autowired
	TestInfrastructure infrastructure;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkflowOpening opening;

	@Autowired
	GrantCancellation cancellation;

	@Autowired
	CapturedLinks links;

	@LocalServerPort
	int port;

	KafkaProducer<String, byte[]> approvalService;

	OpenWorkflows workflows;

	Api api;

	@BeforeEach
	void setUp() {
		this.approvalService = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.infrastructure.kafka().bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer());
		this.workflows = new OpenWorkflows(this.opening, this.jdbc);
		this.api = new Api(this.port);
	}

	@AfterEach
	void close() {
		this.approvalService.close();
	}

	@Test
	void cancelsTheOpenWorkflowOfTheGrantWhenTheRequestArrivesOverKafka() throws Exception {
		ApprovalGranted grant = Grants.subscription(Grants.CONFIGURED_VEHICLE);
		this.approvalService.send(EventRecords.record(grant)).get();
		this.approvalService.send(EventRecords.record(requested(grant))).get();

		await().atMost(Duration.ofSeconds(90)).until(() -> statusesOf(grant).equals(List.of("CANCELLED")));
		UUID workflow = workflowOf(grant);
		assertThat(this.workflows.outboxEvents(workflow, "SigningWorkflowCancelled")).isOne();
		assertThat(this.workflows.outboxEvents(workflow, "SigningWorkflowCompleted")).isZero();
	}

	@Test
	void leavesACompletedWorkflowAloneAndPublishesNothingMore() {
		ApprovalGranted grant = Grants.subscription(Grants.CONFIGURED_VEHICLE);
		UUID workflow = this.workflows.open(grant);
		sign(workflow, "ARRANGER", "Ada Arranger");
		sign(workflow, "INVESTOR", "Ivy Investor");
		assertThat(this.workflows.status(workflow)).isEqualTo("COMPLETED");

		this.cancellation.requested(requested(grant));

		assertThat(this.workflows.status(workflow)).isEqualTo("COMPLETED");
		assertThat(this.workflows.outboxEvents(workflow, "SigningWorkflowCompleted")).isOne();
		assertThat(this.workflows.outboxEvents(workflow, "SigningWorkflowCancelled")).isZero();
		assertThat(this.workflows.outboxEvents(workflow, "SigningWorkflowFailed")).isZero();
	}

	@Test
	void recordsAGrantNeverSeenAsFailedSoThatItsLateDeliveryOpensNothing() {
		ApprovalGranted grant = Grants.subscription(Grants.CONFIGURED_VEHICLE);

		this.cancellation.requested(requested(grant));
		this.opening.open(grant); // the grant, replayed from a dead-letter topic

		assertThat(statusesOf(grant)).containsExactly("FAILED");
		UUID workflow = workflowOf(grant);
		assertThat(this.workflows.outboxEvents(workflow, "SigningWorkflowFailed")).isOne();
		assertThat(this.workflows.outboxEvents(workflow, "SigningWorkflowCreated")).isZero();
		assertThat(this.links.of(workflow)).isEmpty();
	}

	@Test
	void theLastSignatureAndACancellationRequestNeverBothWin() {
		for (int round = 0; round < 20; round++) {
			ApprovalGranted grant = Grants.subscription(Grants.CONFIGURED_VEHICLE);
			UUID workflow = this.workflows.open(grant);
			sign(workflow, "ARRANGER", "Ada Arranger");
			String investor = "/api/v1/signing/" + this.links.token(workflow, "INVESTOR") + "/signature";
			List<Integer> answers = Race.run(2, (i) -> {
				if (i == 0) {
					return this.api.post(investor, "{\"typedName\":\"Ivy Investor\",\"consent\":true}").status();
				}
				this.cancellation.requested(requested(grant));
				return 0;
			});

			long completions = this.workflows.outboxEvents(workflow, "SigningWorkflowCompleted");
			long cancellations = this.workflows.outboxEvents(workflow, "SigningWorkflowCancelled");
			assertThat(completions + cancellations).as("round %d", round).isEqualTo(1);
			assertThat(answers.get(0)).isEqualTo((completions == 1) ? 200 : 409);
			assertThat(this.workflows.status(workflow)).isEqualTo((completions == 1) ? "COMPLETED" : "CANCELLED");
		}
	}

	private void sign(UUID workflow, String role, String name) {
		Api.Response signed = this.api.post("/api/v1/signing/" + this.links.token(workflow, role) + "/signature",
				"{\"typedName\":\"" + name + "\",\"consent\":true}");
		assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
	}

	private static ApprovalCancellationRequested requested(ApprovalGranted grant) {
		return new ApprovalCancellationRequested(grant.approvalId(), grant.dealId(), grant.vehicleId(),
				grant.investorId(), grant.kind(), grant.subscriptionId(), grant.grantedAt(), "changed my mind",
				grant.investorId(), Instant.now());
	}

	private List<String> statusesOf(ApprovalGranted grant) {
		return this.jdbc.sql("SELECT status FROM signing_workflow WHERE approval_id = :id")
			.param("id", grant.approvalId())
			.query(String.class)
			.list();
	}

	private UUID workflowOf(ApprovalGranted grant) {
		return this.jdbc.sql("SELECT id FROM signing_workflow WHERE approval_id = :id")
			.param("id", grant.approvalId())
			.query(UUID.class)
			.single();
	}

}
