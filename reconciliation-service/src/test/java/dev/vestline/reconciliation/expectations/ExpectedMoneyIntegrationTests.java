package dev.vestline.reconciliation.expectations;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.vestline.events.Money;
import dev.vestline.events.Topics;
import dev.vestline.events.billing.InvoiceIssued;
import dev.vestline.events.billing.InvoiceVoided;
import dev.vestline.events.signature.SigningWorkflowCompleted;
import dev.vestline.reconciliation.Scenario;
import dev.vestline.reconciliation.ServiceIntegrationTest;
import dev.vestline.messaging.cloudevents.CloudEventsKafkaBinding;
import dev.vestline.messaging.inbox.DeadLetterErrorHandler;
import dev.vestline.messaging.cloudevents.EventRecords;
import dev.vestline.testharness.TopicReader;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ExpectedMoneyIntegrationTests extends ServiceIntegrationTest {

	private boolean applied(UUID eventId) {
		return this.jdbc.sql("SELECT count(*) FROM inbox_event WHERE event_id = ?")
			.param(eventId)
			.query(Long.class)
			.single() == 1;
	}

	@Test
	void redeliveredOrResignedPackLeavesTheSubscriptionUnchanged() {
		UUID subscriptionId = Scenario.newId();
		UUID vehicleId = Scenario.newId();
		SigningWorkflowCompleted pack = Scenario.packSigned(subscriptionId, "inv-redelivery", vehicleId, "100000.00");
		UUID eventId = Scenario.newId();
		publish(pack, eventId);
		await().atMost(Duration.ofSeconds(60)).until(() -> applied(eventId));
		Map<String, Object> before = row(subscriptionId);

		publish(pack, eventId); // the same event again
		SigningWorkflowCompleted resigned = new SigningWorkflowCompleted(pack.workflowId(), pack.approvalId(),
				pack.documentKind(), pack.dealId(), vehicleId, pack.investorId(), subscriptionId,
				Money.of("999.00", "EUR"), 4, "cd".repeat(32), pack.completedAt());
		UUID resignedId = Scenario.newId();
		publish(resigned, resignedId); // same key, so applied after the redelivery
		await().atMost(Duration.ofSeconds(60)).until(() -> applied(resignedId));

		assertThat(row(subscriptionId)).isEqualTo(before);
		assertThat(before.get("commitment")).isEqualTo(new BigDecimal("100000.00"));
	}

	@Test
	void redeliveredInvoiceLeavesTheProjectionUnchanged() {
		UUID invoiceId = Scenario.newId();
		InvoiceIssued issued = Scenario.invoiceIssued(invoiceId, "inv-invoice", "1250.00",
				"RF18 " + Scenario.unique("A").toUpperCase());
		UUID eventId = Scenario.newId();
		publish(issued, eventId);
		await().atMost(Duration.ofSeconds(60)).until(() -> applied(eventId));

		publish(issued, eventId);
		UUID marker = Scenario.newId();
		publish(issued, marker); // a second event id for the same invoice: the primary
									// key holds
		await().atMost(Duration.ofSeconds(60)).until(() -> applied(marker));

		assertThat(
				this.jdbc.sql("SELECT count(*) FROM invoice WHERE id = ?").param(invoiceId).query(Long.class).single())
			.isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT received FROM invoice WHERE id = ?")
			.param(invoiceId)
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("0");
	}

	@Test
	void aVoidedInvoiceIsNoLongerExpectedAndItsOpenSuggestionIsWithdrawn() {
		String reference = "RF18" + Scenario.unique("V").toUpperCase().replace("-", "");
		UUID invoiceId = this.scenario.expectInvoice("inv-voided", "300.00", reference);
		UUID early = this.scenario.credit("payer", "300.00", reference);
		UUID suggestion = this.scenario.suggestionFor(early);

		InvoiceVoided voided = new InvoiceVoided(invoiceId, "INV-V", "inv-voided", Money.of("300.00", "EUR"), reference,
				"billed the wrong vehicle", "bianca", java.time.Instant.now());
		UUID eventId = Scenario.newId();
		publish(voided, eventId);
		publish(voided, eventId);
		UUID again = Scenario.newId();
		publish(voided, again); // a second event id for the same void changes nothing
								// more
		await().atMost(Duration.ofSeconds(60)).until(() -> applied(again));

		var match = this.api.get("/api/v1/matches/" + suggestion, Scenario.OPERATOR).json();
		assertThat(match.get("status").asString()).isEqualTo("REJECTED");
		assertThat(match.get("reason").asString()).isEqualTo("invoice voided in billing: billed the wrong vehicle");
		assertThat(match.get("version").asLong()).isEqualTo(1);
		assertThat(this.api.get("/api/v1/invoices/" + invoiceId, Scenario.OPERATOR).json().get("voidedAt").isNull())
			.isFalse();
		UUID late = this.scenario.credit("payer", "300.00", reference);
		assertThat(this.api
			.postJson("/api/v1/matches", Scenario.OPERATOR,
					"{\"bankTransactionId\":\"" + late + "\",\"invoiceId\":\"" + invoiceId + "\"}")
			.status()).isEqualTo(422);
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM bank_match WHERE bank_transaction_id IN (?, ?) AND status = 'SUGGESTED'")
			.params(early, late)
			.query(Long.class)
			.single()).as("no suggestion for a voided invoice").isZero();
	}

	@Test
	void ignoresNdasWhichExpectNoMoney() {
		SigningWorkflowCompleted pack = Scenario.packSigned(Scenario.newId(), "inv-nda", Scenario.newId(), "1.00");
		SigningWorkflowCompleted nda = new SigningWorkflowCompleted(pack.workflowId(), pack.approvalId(),
				dev.vestline.events.signature.DocumentKind.NDA, pack.dealId(), pack.vehicleId(), pack.investorId(),
				null, null, 1, pack.documentSha256(), pack.completedAt());
		UUID eventId = Scenario.newId();
		publish(nda, eventId);
		await().atMost(Duration.ofSeconds(60)).until(() -> applied(eventId));

		assertThat(this.jdbc.sql("SELECT count(*) FROM subscription WHERE workflow_id = ?")
			.param(pack.workflowId())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void parksAPoisonRecordAndKeepsConsuming() {
		UUID subscriptionId = Scenario.newId();
		SigningWorkflowCompleted pack = Scenario.packSigned(subscriptionId, "inv-poison", Scenario.newId(), "10.00");
		ProducerRecord<String, byte[]> valid = EventRecords.record(pack, Scenario.newId(), null);
		UUID poisonId = Scenario.newId();
		ProducerRecord<String, byte[]> template = EventRecords.record(pack, poisonId, null);
		send(new ProducerRecord<>(template.topic(), null, template.key(),
				"{\"workflowId\":\"not a uuid\"}".getBytes(StandardCharsets.UTF_8), template.headers()));
		send(valid); // same key: after the poison record on the same partition

		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM subscription WHERE id = ?")
				.param(subscriptionId)
				.query(Long.class)
				.single() == 1);
		try (TopicReader dlt = new TopicReader(this.infrastructure.kafka().bootstrapServers(),
				Topics.deadLetter(Topics.SIGNATURE, "reconciliation"))) {
			assertThat(dlt.readUntil(
					(records) -> records.stream()
						.anyMatch((r) -> CloudEventsKafkaBinding.fromRecord(r).id().equals(poisonId)),
					Duration.ofMinutes(2)))
				.isNotEmpty();
		}
		assertThat(applied(poisonId)).isFalse();
	}

	@Test
	void deadLettersAtOnceAnEventThatExpectsNoMoneyOrOverlongTexts() {
		UUID subscriptionId = Scenario.newId();
		UUID negative = Scenario.newId();
		publish(Scenario.packSigned(subscriptionId, "inv-negative", Scenario.newId(), "-10.00"), negative);
		UUID invoiceId = Scenario.newId();
		UUID overlong = Scenario.newId();
		publish(Scenario.invoiceIssued(invoiceId, "inv-overlong", "10.00", "RF" + "1".repeat(3000)), overlong);

		assertThat(deadLettered(Topics.SIGNATURE, negative)).contains("amount must be positive");
		assertThat(deadLettered(Topics.BILLING, overlong)).contains("paymentReference must have 1 to 35 characters");
		assertThat(this.jdbc.sql("SELECT count(*) FROM subscription WHERE id = ?")
			.param(subscriptionId)
			.query(Long.class)
			.single()).isZero();
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM invoice WHERE id = ?").param(invoiceId).query(Long.class).single())
			.isZero();
	}

	private String deadLettered(String topic, UUID eventId) {
		try (TopicReader dlt = new TopicReader(this.infrastructure.kafka().bootstrapServers(),
				Topics.deadLetter(topic, "reconciliation"))) {
			return dlt
				.readUntil(
						(records) -> records.stream()
							.anyMatch((r) -> CloudEventsKafkaBinding.fromRecord(r).id().equals(eventId)),
						Duration.ofSeconds(60))
				.stream()
				.filter((r) -> CloudEventsKafkaBinding.fromRecord(r).id().equals(eventId))
				.map((r) -> new String(r.headers().lastHeader(DeadLetterErrorHandler.REASON_HEADER).value(),
						StandardCharsets.UTF_8))
				.findFirst()
				.orElseThrow();
		}
	}

	private Map<String, Object> row(UUID subscriptionId) {
		return this.jdbc.sql("SELECT * FROM subscription WHERE id = ?").param(subscriptionId).query().singleRow();
	}

}
