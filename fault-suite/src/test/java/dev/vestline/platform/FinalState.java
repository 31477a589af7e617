package dev.vestline.platform;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The exact state one subscription leaves behind, whatever happened on the way: one
 * executed approval, one completed pack, one fee, one paid invoice with one payment, one
 * position, each event of the flow exactly once, every invariant holding and no dead
 * letter on any service.
 */
final class FinalState {

	/** Every event one lifecycle causes, by type, each exactly this often. */
	static final Map<String, Long> EVENTS = Map.ofEntries(Map.entry("ApprovalRequested", 1L),
			Map.entry("ApprovalStepApproved", 2L), Map.entry("ApprovalGranted", 1L),
			Map.entry("SigningWorkflowCreated", 1L), Map.entry("DocumentSigned", 2L),
			Map.entry("SigningWorkflowCompleted", 1L), Map.entry("FeeAccrued", 1L), Map.entry("InvoiceIssued", 1L),
			Map.entry("BankTransactionImported", 2L), Map.entry("MatchAccepted", 2L),
			Map.entry("SubscriptionFunded", 1L), Map.entry("PositionUpdated", 1L),
			Map.entry("InvoicePaymentReceived", 1L), Map.entry("PaymentRecorded", 1L), Map.entry("InvoicePaid", 1L));

	private static final Duration PATIENCE = Duration.ofMinutes(3);

	private final StaffReads api;

	private final SubscriptionLifecycle.Outcome outcome;

	FinalState(StaffReads api, SubscriptionLifecycle.Outcome outcome) {
		this.api = api;
		this.outcome = outcome;
	}

	/** Waits (generously) until the state is exactly right, then checks it once more. */
	void assertExact(EventWatcher watcher, String correlationId) {
		await("the exact final state of flow " + correlationId).atMost(PATIENCE)
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				assertEachEventOnce(watcher, correlationId);
				assertOneExecutedApprovalAndCompletedPack();
				assertOneFeeAndOnePaidInvoice();
				assertOnePosition();
				assertInvariantsHold();
				assertNoDeadLetters();
			});
	}

	private void assertEachEventOnce(EventWatcher watcher, String correlationId) {
		Map<String, Long> counts = watcher.events()
			.stream()
			.filter((event) -> correlationId.equals(event.correlationId()) && !anotherInvestorsInvoice(event))
			.collect(Collectors.groupingBy(ObservedEvent::name, Collectors.counting()));
		assertThat(counts).as("events of the flow, by type").containsExactlyInAnyOrderEntriesOf(EVENTS);
	}

	/**
	 * An invoice run bills every accrued fee on the platform, so the flow's run may also
	 * issue an invoice of an earlier flow (whose fault left its fee to this run): that
	 * one carries this flow's correlation id but is not part of it.
	 */
	private boolean anotherInvestorsInvoice(ObservedEvent event) {
		return event.is("InvoiceIssued") && !event.subject().equals(this.outcome.invoice().toString());
	}

	private void assertOneExecutedApprovalAndCompletedPack() {
		JsonNode approval = this.api.get("approval", "/api/v1/approvals/" + this.outcome.approval());
		assertThat(approval.path("status").asString()).as("approval status").isEqualTo("EXECUTED");
		assertThat(approval.path("steps").findValuesAsString("approvedBy")).containsExactly("carla", "oscar");
		assertThat(this.api.get("approval", "/api/v1/approvals?dealId=" + this.outcome.deal()).path("items"))
			.hasSize(1);
		JsonNode workflows = this.api.get("signature", "/api/v1/workflows?approvalId=" + this.outcome.approval());
		assertThat(workflows).hasSize(1);
		assertThat(workflows.path(0).path("status").asString()).as("pack status").isEqualTo("COMPLETED");
		assertThat(this.api.get("signature", "/api/v1/workflows/" + this.outcome.workflow() + "/versions"))
			.as("document versions: draft + two signatures")
			.hasSize(3);
	}

	private void assertOneFeeAndOnePaidInvoice() {
		JsonNode fees = this.api.get("billing", "/api/v1/fees?subscriptionId=" + this.outcome.flow().subscription())
			.path("items");
		assertThat(fees).as("fees of the subscription").hasSize(1);
		assertThat(fees.path(0).path("feeType").asString()).isEqualTo("SUBSCRIPTION");
		assertThat(amount(fees.path(0).path("amount"))).isEqualByComparingTo("2500.00");
		JsonNode invoices = this.api.get("billing", "/api/v1/invoices?investorId=" + this.outcome.flow().investor())
			.path("items");
		assertThat(invoices).as("invoices of the investor").hasSize(1);
		assertThat(invoices.path(0).path("status").asString()).isEqualTo("PAID");
		assertThat(amount(invoices.path(0).path("amountPaid"))).isEqualByComparingTo("2500.00");
		assertThat(this.api.get("billing", "/api/v1/invoices/" + this.outcome.invoice() + "/payments"))
			.as("payments of the invoice")
			.hasSize(1);
	}

	private void assertOnePosition() {
		JsonNode positions = this.api.get("reconciliation",
				"/api/v1/positions?investorId=" + this.outcome.flow().investor());
		assertThat(positions).as("positions of the investor").hasSize(1);
		assertThat(amount(positions.path(0).path("units"))).isEqualByComparingTo("2500");
		assertThat(amount(positions.path(0).path("costBasis"))).isEqualByComparingTo(SubscriptionLifecycle.COMMITMENT);
		JsonNode position = this.api.get("reconciliation",
				"/api/v1/positions/" + this.outcome.flow().investor() + "/" + this.outcome.flow().vehicle());
		assertThat(position.path("movements")).as("position movements").hasSize(1);
		JsonNode subscription = this.api.get("reconciliation",
				"/api/v1/subscriptions/" + this.outcome.flow().subscription());
		assertThat(subscription.path("fullyFunded").asBoolean()).isTrue();
		assertThat(subscription.path("overFunded").asBoolean()).isFalse();
	}

	private void assertInvariantsHold() {
		JsonNode check = this.api.post("billing", "/api/v1/consistency-checks");
		assertThat(check.path("consistent").asBoolean()).as(check.toString()).isTrue();
		JsonNode invariants = this.api.post("reconciliation", "/api/v1/invariant-checks");
		assertThat(invariants.path("holds").asBoolean()).as(invariants.toString()).isTrue();
		assertGaugesZero("billing", "vestline_billing_consistency_violations");
		assertGaugesZero("reconciliation", "vestline_reconciliation_invariant_violations");
	}

	private void assertGaugesZero(String service, String gauge) {
		var samples = this.api.text(service, "/actuator/prometheus")
			.lines()
			.filter((line) -> line.startsWith(gauge + "{"))
			.toList();
		assertThat(samples).as(gauge).isNotEmpty().allSatisfy((line) -> assertThat(line).endsWith(" 0.0"));
	}

	private void assertNoDeadLetters() {
		for (String service : PlatformOptions.SERVICE_ORDER) {
			JsonNode topics = this.api.get(service, "/api/v1/dead-letters");
			topics.forEach((topic) -> assertThat(topic.path("pending").asLong())
				.as(service + " dead letters on " + topic.path("deadLetterTopic").asString())
				.isZero());
		}
	}

	private static BigDecimal amount(JsonNode node) {
		return new BigDecimal(node.asString());
	}

}
