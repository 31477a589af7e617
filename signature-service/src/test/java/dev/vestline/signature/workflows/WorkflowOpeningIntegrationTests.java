package dev.vestline.signature.workflows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.vestline.events.DomainEvent;
import dev.vestline.events.approval.ApprovalCancelled;
import dev.vestline.events.approval.ApprovalEvent;
import dev.vestline.events.approval.ApprovalGranted;
import dev.vestline.events.approval.ApprovalKind;
import dev.vestline.events.signature.DocumentKind;
import dev.vestline.events.signature.SigningWorkflowCancelled;
import dev.vestline.events.signature.SigningWorkflowCreated;
import dev.vestline.events.signature.SigningWorkflowFailed;
import dev.vestline.events.Topics;
import dev.vestline.messaging.cloudevents.CloudEventsKafkaBinding;
import dev.vestline.messaging.cloudevents.EventEnvelope;
import dev.vestline.messaging.cloudevents.EventRecords;
import dev.vestline.messaging.inbox.Inbox;
import dev.vestline.signature.Api;
import dev.vestline.signature.CapturedLinks;
import dev.vestline.signature.Grants;
import dev.vestline.signature.PublishedEvents;
import dev.vestline.signature.SignatureIntegrationTest;
import dev.vestline.signature.documents.DocumentText;
import dev.vestline.signature.documents.DocumentVersions;
import dev.vestline.support.security.DevTokens;
import dev.vestline.testharness.TestInfrastructure;
import dev.vestline.testharness.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
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
 * Grants and cancellations of the approval service arrive as real Kafka records and open
 * or cancel workflows exactly once.
 */
@SignatureIntegrationTest
class WorkflowOpeningIntegrationTests {

	@Autowired
	TestInfrastructure infrastructure;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Inbox inbox;

	@Autowired
	ApprovalEventsListener listener;

	@Autowired
	CapturedLinks links;

	@Autowired
	DocumentVersions documents;

	@LocalServerPort
	int port;

	KafkaProducer<String, byte[]> producer;

	@BeforeEach
	void producer() {
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.infrastructure.kafka().bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer());
	}

	@AfterEach
	void close() {
		this.producer.close();
	}

	@Test
	void opensOneWorkflowWhenAGrantIsDeliveredTwiceAndConcurrently() throws Exception {
		for (int round = 0; round < 3; round++) {
			ApprovalGranted grant = Grants.subscription(Grants.CONFIGURED_VEHICLE);
			ProducerRecord<String, byte[]> record = EventRecords.record(grant);
			this.producer.send(record).get();
			this.producer.send(record).get(); // a redelivery: same event id
			this.producer.send(EventRecords.record(grant)).get(); // the same grant,
																	// republished
			raceDeliveries(record, 20); // a rebalance: consumers apply the same record at
										// once
			await().untilAsserted(() -> assertThat(inboxRows(record)).isEqualTo(1));
			await().until(() -> workflowsOf(grant.approvalId()) == 1);
			assertThat(this.jdbc.sql("""
					SELECT count(*) FROM outbox_event WHERE event_type LIKE '%SigningWorkflowCreated%'
					   AND payload ->> 'approvalId' = :approval
					""").param("approval", grant.approvalId().toString()).query(Long.class).single()).isEqualTo(1);
		}
	}

	@Test
	void parksAPoisonRecordAndKeepsConsuming() {
		ProducerRecord<String, byte[]> valid = EventRecords.record(Grants.subscription(Grants.CONFIGURED_VEHICLE));
		ProducerRecord<String, byte[]> poison = new ProducerRecord<>(valid.topic(), null, valid.key(),
				"{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8), valid.headers());
		this.producer.send(poison);
		ApprovalGranted after = Grants.subscription(Grants.CONFIGURED_VEHICLE);
		this.producer.send(EventRecords.record(after));
		awaitEvent(SigningWorkflowCreated.class, after.approvalId());
		try (TopicReader dlt = new TopicReader(this.infrastructure.kafka().bootstrapServers(),
				Topics.deadLetter(Topics.APPROVAL, "signature"))) {
			List<ConsumerRecord<String, byte[]>> parked = dlt.readUntil((all) -> !all.isEmpty(), Duration.ofMinutes(2));
			assertThat(parked).anySatisfy((record) -> assertThat(new String(record.value())).isEqualTo("{not json"));
		}
	}

	@Test
	void opensASubscriptionPackForInvestorAndArrangerWithTheTermsInThePdf() {
		ApprovalGranted grant = Grants.subscription(Grants.CONFIGURED_VEHICLE);
		this.producer.send(EventRecords.record(grant));
		SigningWorkflowCreated created = awaitEvent(SigningWorkflowCreated.class, grant.approvalId());
		assertThat(created.documentKind()).isEqualTo(DocumentKind.SUBSCRIPTION_PACK);
		assertThat(created.amount()).isEqualTo(grant.amount());
		assertThat(created.signers()).extracting("role").containsExactly("INVESTOR", "ARRANGER");
		assertThat(created.signers().get(1).name()).isEqualTo("Ada Arranger");
		String text = DocumentText.of(this.documents.content(created.workflowId(), 1).orElseThrow().bytes());
		assertThat(text).contains("Subscription Pack", "250000.00 EUR", grant.investorId(), "Ada Arranger");
		await().until(() -> this.links.of(created.workflowId()).size() == 2);
		assertThat(this.links.of(created.workflowId()))
			.allSatisfy((link) -> assertThat(link.link().toString()).startsWith("https://sign.vestline.example/sign/"));
	}

	@Test
	void opensAnNdaWithTheCounterpartySetThroughTheApi() {
		UUID vehicle = UUID.randomUUID();
		String operations = DevTokens.example().token("omar", "operations");
		Api.Response put = new Api(this.port).put("/api/v1/vehicles/" + vehicle + "/parties/COUNTERPARTY",
				"{\"partyId\":\"cp-9\",\"name\":\"Carla Counter\"}", "Authorization", "Bearer " + operations);
		assertThat(put.status()).isEqualTo(200);
		ApprovalGranted grant = Grants.dealInterest(vehicle);
		this.producer.send(EventRecords.record(grant));
		SigningWorkflowCreated created = awaitEvent(SigningWorkflowCreated.class, grant.approvalId());
		assertThat(created.documentKind()).isEqualTo(DocumentKind.NDA);
		assertThat(created.signers()).extracting("signerId").containsExactly(grant.investorId(), "cp-9");
		assertThat(grant.kind()).isEqualTo(ApprovalKind.DEAL_INTEREST);
	}

	@Test
	void failsWithAReasonWhenTheVehicleHasNoArranger() {
		ApprovalGranted grant = Grants.subscription(UUID.randomUUID());
		this.producer.send(EventRecords.record(grant));
		SigningWorkflowFailed failed = awaitEvent(SigningWorkflowFailed.class, grant.approvalId());
		assertThat(failed.reason()).contains("No arranger is configured for vehicle " + grant.vehicleId());
		this.producer.send(EventRecords.record(grant)); // the same grant again fails no
														// second time
		await().until(() -> inboxCount() >= 2);
		assertThat(workflowsOf(grant.approvalId())).isEqualTo(1);
	}

	@Test
	void opensAWorkflowWhenAnApprovalIsGrantedAgainAfterItsFirstWorkflowFailed() {
		UUID vehicle = UUID.randomUUID();
		ApprovalGranted first = Grants.subscription(vehicle);
		this.producer.send(EventRecords.record(first));
		awaitEvent(SigningWorkflowFailed.class, first.approvalId());
		new Api(this.port).put("/api/v1/vehicles/" + vehicle + "/parties/ARRANGER",
				"{\"partyId\":\"arr-7\",\"name\":\"Arne Arranger\"}", "Authorization",
				"Bearer " + DevTokens.example().token("omar", "operations"));
		ApprovalGranted again = new ApprovalGranted(first.approvalId(), first.dealId(), vehicle, first.investorId(),
				first.kind(), first.subscriptionId(), first.amount(), "olga", first.grantedAt().plusSeconds(60));
		this.producer.send(EventRecords.record(again));
		SigningWorkflowCreated created = awaitEvent(SigningWorkflowCreated.class, first.approvalId());
		assertThat(created.signers()).extracting("name").containsExactly(first.investorId(), "Arne Arranger");
		assertThat(workflowsOf(first.approvalId())).isEqualTo(2);
		String metrics = new Api(this.port).get("/actuator/prometheus").text();
		assertThat(metrics).contains("vestline_signature_workflows_opened_total{kind=\"SUBSCRIPTION_PACK\"}",
				"vestline_signature_workflows_failed_total{cause=\"missing_party\",kind=\"SUBSCRIPTION_PACK\"}");
	}

	@Test
	void carriesTheGrantsCorrelationIdOnEveryEventOfTheWorkflow() {
		ApprovalGranted grant = Grants.subscription(Grants.CONFIGURED_VEHICLE);
		this.producer.send(EventRecords.record(grant, UUID.randomUUID(), "flow-" + grant.approvalId()));
		SigningWorkflowCreated created = awaitEvent(SigningWorkflowCreated.class, grant.approvalId());
		Api api = new Api(this.port);
		String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
		for (String role : List.of("INVESTOR", "ARRANGER")) {
			assertThat(api
				.post("/api/v1/signing/" + this.links.token(created.workflowId(), role) + "/signature",
						"{\"typedName\":\"" + role + "\",\"consent\":true}", "traceparent", traceparent,
						"X-Correlation-Id", "some-other-flow")
				.status()).isEqualTo(200);
		}
		try (TopicReader reader = new TopicReader(this.infrastructure.kafka().bootstrapServers(), Topics.SIGNATURE)) {
			List<EventEnvelope> envelopes = reader
				.readUntil((all) -> ofWorkflow(all, created.workflowId()).size() == 4, Duration.ofMinutes(2))
				.stream()
				.filter((record) -> created.workflowId().toString().equals(record.key()))
				.map(CloudEventsKafkaBinding::fromRecord)
				.toList();
			assertThat(envelopes).extracting(EventEnvelope::correlationId).containsOnly("flow-" + grant.approvalId());
			// the caller's trace, continued by this service's server span for the request
			assertThat(envelopes).filteredOn((envelope) -> envelope.type().contains("DocumentSigned"))
				.extracting(EventEnvelope::traceparent)
				.hasSize(2)
				.allSatisfy((signed) -> assertThat(signed).startsWith("00-0af7651916cd43dd8448eb211c80319c-")
					.isNotEqualTo(traceparent));
		}
	}

	private static List<ConsumerRecord<String, byte[]>> ofWorkflow(List<ConsumerRecord<String, byte[]>> records,
			UUID workflowId) {
		return records.stream().filter((record) -> workflowId.toString().equals(record.key())).toList();
	}

	@Test
	void cancelsTheOpenWorkflowWhenItsApprovalIsCancelled() {
		ApprovalGranted grant = Grants.subscription(Grants.CONFIGURED_VEHICLE);
		this.producer.send(EventRecords.record(grant));
		SigningWorkflowCreated created = awaitEvent(SigningWorkflowCreated.class, grant.approvalId());
		this.producer.send(EventRecords
			.record(new ApprovalCancelled(grant.approvalId(), grant.dealId(), grant.investorId(), grant.kind(),
					grant.subscriptionId(), grant.amount(), "investor withdrew", "carl", java.time.Instant.now())));
		SigningWorkflowCancelled cancelled = awaitEvent(SigningWorkflowCancelled.class, grant.approvalId());
		assertThat(cancelled.workflowId()).isEqualTo(created.workflowId());
		assertThat(cancelled.reason()).contains("investor withdrew");
		assertThat(cancelled.cancelledBy()).isEqualTo("carl");
	}

	private void raceDeliveries(ProducerRecord<String, byte[]> produced, int threads) throws Exception {
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(produced.topic(), 0, 0L, 0L,
				TimestampType.CREATE_TIME, 0, 0, produced.key(), produced.value(), produced.headers(),
				java.util.Optional.empty());
		CyclicBarrier barrier = new CyclicBarrier(threads);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				results.add(pool.submit(() -> {
					barrier.await();
					this.inbox.receive("signature", record, ApprovalEvent.class, this.listener::apply);
					return null;
				}));
			}
			for (Future<?> result : results) {
				result.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private <E extends DomainEvent> E awaitEvent(Class<E> type, UUID approvalId) {
		List<DomainEvent> events = PublishedEvents.await(this.infrastructure.kafka().bootstrapServers(),
				(all) -> matching(all, type, approvalId).size() == 1);
		return matching(events, type, approvalId).get(0);
	}

	private static <E> List<E> matching(List<DomainEvent> events, Class<E> type, UUID approvalId) {
		return PublishedEvents.ofType(events, type)
			.stream()
			.filter((event) -> ((dev.vestline.events.signature.SignatureEvent) event).approvalId().equals(approvalId))
			.toList();
	}

	private long workflowsOf(UUID approvalId) {
		return this.jdbc.sql("SELECT count(*) FROM signing_workflow WHERE approval_id = :id")
			.param("id", approvalId)
			.query(Long.class)
			.single();
	}

	private long inboxRows(ProducerRecord<String, byte[]> record) {
		String id = new String(record.headers().lastHeader("ce_id").value(), java.nio.charset.StandardCharsets.UTF_8);
		return this.jdbc.sql("SELECT count(*) FROM inbox_event WHERE event_id = CAST(:id AS uuid)")
			.param("id", id)
			.query(Long.class)
			.single();
	}

	private long inboxCount() {
		return this.jdbc.sql("SELECT count(*) FROM inbox_event").query(Long.class).single();
	}

}
