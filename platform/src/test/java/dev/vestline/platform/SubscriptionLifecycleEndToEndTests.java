package dev.vestline.platform;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole platform in one run: PostgreSQL, a KRaft broker and the four services as
 * processes, on free ports and a home of their own. One subscription goes from deal to
 * paid invoice through the public APIs while every Kafka record is delivered twice and
 * billing is down while the pack is signed (stopped before the signatures, started again
 * after them, before the fee and the invoice run); then the state is exactly what one
 * subscription should leave behind.
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class SubscriptionLifecycleEndToEndTests {

	private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

	private static final Duration PATIENCE = Duration.ofMinutes(2);

	/** Under target/, so the services' logs outlive a failed run. */
	private final Path home = Path.of("target", "e2e", "run-" + System.currentTimeMillis()).toAbsolutePath();

	@Test
	void carriesOneSubscriptionFromDealToPaidInvoiceWithEveryRecordTwiceAndBillingRestarted() throws Exception {
		Map<String, Map<String, String>> properties = Map.of("billing",
				Map.of("vestline.billing.invoices.run-cron", "-", "vestline.billing.management-fees.cron", "-"),
				"reconciliation", Map.of("vestline.reconciliation.invariants.interval", "PT2S",
						"vestline.reconciliation.invariants.initial-delay", "PT1S"));
		try (LocalPlatform platform = LocalPlatform.start(PlatformOptions.forTests(this.home, REPOSITORY, properties));
				RecordDuplicator duplicator = new RecordDuplicator(platform.bootstrapServers());
				EventWatcher watcher = new EventWatcher(platform.bootstrapServers());
				BrokerState broker = new BrokerState(platform.bootstrapServers())) {
			SubscriptionLifecycle lifecycle = new SubscriptionLifecycle(platform, watcher);
			SubscriptionLifecycle.Outcome outcome = lifecycle.run("billing");
			lifecycle.timeline().print(System.out);
			Api api = new Api(platform, lifecycle.correlationId());

			awaitEveryRecordTwiceAndConsumed(watcher, broker);
			assertOneApprovalGrantedAndExecuted(api, outcome);
			assertOneCompletedWorkflowSignedByBoth(api, outcome);
			assertOneSubscriptionFeeAndOnePaidInvoice(api, outcome);
			assertOnePositionWithTheRightUnits(api, outcome);
			assertEachEventOnceAndOnOneFlow(watcher, lifecycle.correlationId());
			assertThat(broker.deadLetters()).allSatisfy((topic, records) -> assertThat(records).as(topic).isZero());
			assertThat(watcher.undecodable()).isZero();
			assertNoInvariantViolations(api);
			assertThat(duplicator.copies()).isGreaterThanOrEqualTo(watcher.events().size());
			System.out.printf(
					"%nChecked: %d events, delivered %s times each; %d copies re-published; "
							+ "dead-letter topics %s%n",
					watcher.events().size(), watcher.deliveries().values().stream().distinct().sorted().toList(),
					duplicator.copies(), broker.deadLetters());
		}
	}

	private void awaitEveryRecordTwiceAndConsumed(EventWatcher watcher, BrokerState broker) {
		await("every record delivered twice").atMost(PATIENCE)
			.until(() -> watcher.deliveries().values().stream().allMatch((n) -> n >= 2));
		await("every service consumed every copy").atMost(PATIENCE).until(() -> {
			long lag = 0;
			for (String group : PlatformOptions.SERVICE_ORDER) {
				lag += broker.lag(group);
			}
			return lag == 0;
		});
	}

	private void assertOneApprovalGrantedAndExecuted(Api api, SubscriptionLifecycle.Outcome outcome) {
		JsonNode approval = await("approval executed").atMost(PATIENCE)
			.until(() -> api.get("approval", "/api/v1/approvals/" + outcome.approval()),
					(a) -> a.path("status").asString().equals("EXECUTED"));
		assertThat(approval.path("grantedBy").asString()).isEqualTo("oscar");
		assertThat(approval.path("steps").findValuesAsString("approvedBy")).containsExactly("carla", "oscar");
		JsonNode approvals = api.get("approval", "/api/v1/approvals?dealId=" + outcome.deal()).path("items");
		assertThat(approvals).hasSize(1);
		JsonNode deal = api.get("approval", "/api/v1/deals/" + outcome.deal());
		assertThat(amount(deal.path("reserved").path("amount"))).isEqualByComparingTo(SubscriptionLifecycle.COMMITMENT);
	}

	private void assertOneCompletedWorkflowSignedByBoth(Api api, SubscriptionLifecycle.Outcome outcome)
			throws IOException {
		JsonNode workflows = api.get("signature", "/api/v1/workflows?approvalId=" + outcome.approval());
		assertThat(workflows).hasSize(1);
		assertThat(workflows.path(0).path("status").asString()).isEqualTo("COMPLETED");
		JsonNode versions = api.get("signature", "/api/v1/workflows/" + outcome.workflow() + "/versions");
		assertThat(versions).hasSize(3);
		for (int i = 1; i < 3; i++) {
			assertThat(versions.path(i).path("parentSha256").asString())
				.isEqualTo(versions.path(i - 1).path("sha256").asString());
			assertThat(versions.path(i).path("signerId").isNull()).isFalse();
		}
		assertThat(versions.path(1).path("signerId").asString())
			.isNotEqualTo(versions.path(2).path("signerId").asString());
		byte[] pdf = api.bytes("signature", "/api/v1/workflows/" + outcome.workflow() + "/document");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains("Ingrid Investor", "Arne Arranger");
		}
	}

	private void assertOneSubscriptionFeeAndOnePaidInvoice(Api api, SubscriptionLifecycle.Outcome outcome) {
		JsonNode fees = api.get("billing", "/api/v1/fees?subscriptionId=" + outcome.flow().subscription())
			.path("items");
		assertThat(fees).hasSize(1);
		assertThat(fees.path(0).path("feeType").asString()).isEqualTo("SUBSCRIPTION");
		assertThat(amount(fees.path(0).path("amount"))).isEqualByComparingTo("2500.00");
		JsonNode invoices = api.get("billing", "/api/v1/invoices?investorId=" + outcome.flow().investor())
			.path("items");
		assertThat(invoices).hasSize(1);
		JsonNode invoice = invoices.path(0);
		assertThat(invoice.path("status").asString()).isEqualTo("PAID");
		assertThat(amount(invoice.path("amountPaid"))).isEqualByComparingTo("2500.00");
		assertThat(amount(invoice.path("total"))).isEqualByComparingTo("2500.00");
		assertThat(invoice.path("paymentReference").asString()).isEqualTo(outcome.paymentReference()).startsWith("RF");
		assertThat(api.get("billing", "/api/v1/invoices/" + outcome.invoice() + "/payments")).hasSize(1);
	}

	private void assertOnePositionWithTheRightUnits(Api api, SubscriptionLifecycle.Outcome outcome) {
		JsonNode positions = api.get("reconciliation", "/api/v1/positions?investorId=" + outcome.flow().investor());
		assertThat(positions).hasSize(1);
		BigDecimal units = SubscriptionLifecycle.COMMITMENT.divide(SubscriptionLifecycle.UNIT_PRICE);
		assertThat(amount(positions.path(0).path("units"))).isEqualByComparingTo(units);
		assertThat(amount(positions.path(0).path("costBasis"))).isEqualByComparingTo(SubscriptionLifecycle.COMMITMENT);
		assertThat(outcome.position().path("movements")).hasSize(1);
		JsonNode subscription = api.get("reconciliation", "/api/v1/subscriptions/" + outcome.flow().subscription());
		assertThat(subscription.path("fullyFunded").asBoolean()).isTrue();
		assertThat(subscription.path("overFunded").asBoolean()).isFalse();
	}

	private void assertEachEventOnceAndOnOneFlow(EventWatcher watcher, String correlationId) {
		Map<String, Long> counts = watcher.events()
			.stream()
			.collect(Collectors.groupingBy(ObservedEvent::name, Collectors.counting()));
		assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry("ApprovalRequested", 1L),
				Map.entry("ApprovalStepApproved", 2L), Map.entry("ApprovalGranted", 1L),
				Map.entry("SigningWorkflowCreated", 1L), Map.entry("DocumentSigned", 2L),
				Map.entry("SigningWorkflowCompleted", 1L), Map.entry("FeeAccrued", 1L), Map.entry("InvoiceIssued", 1L),
				Map.entry("BankTransactionImported", 2L), Map.entry("MatchAccepted", 2L),
				Map.entry("SubscriptionFunded", 1L), Map.entry("PositionUpdated", 1L),
				Map.entry("InvoicePaymentReceived", 1L), Map.entry("PaymentRecorded", 1L),
				Map.entry("InvoicePaid", 1L)));
		List<String> elsewhere = new ArrayList<>();
		watcher.events()
			.stream()
			.filter((event) -> !correlationId.equals(event.correlationId()))
			.forEach((event) -> elsewhere.add(event.name() + " " + event.correlationId()));
		assertThat(elsewhere).as("events off the flow's correlation id").isEmpty();
	}

	private void assertNoInvariantViolations(Api api) {
		JsonNode check = api.post("billing", "/api/v1/consistency-checks");
		assertThat(check.path("consistent").asBoolean()).as(check.toString()).isTrue();
		JsonNode approvals = api.post("approval", "/api/v1/consistency-checks");
		assertThat(approvals.path("consistent").asBoolean()).as(approvals.toString()).isTrue();
		assertThat(approvals.path("violations").properties()).isNotEmpty()
			.allSatisfy((entry) -> assertThat(entry.getValue().asLong()).as(entry.getKey()).isZero());
		JsonNode invariants = api.post("reconciliation", "/api/v1/invariant-checks");
		assertThat(invariants.path("holds").asBoolean()).as(invariants.toString()).isTrue();
		assertThat(invariants.path("violations").properties()).hasSize(6)
			.allSatisfy((entry) -> assertThat(entry.getValue().asLong()).as(entry.getKey()).isZero());
		assertThat(api.text("reconciliation", "/actuator/prometheus"))
			.contains("vestline_reconciliation_invariant_violations{invariant=\"position_units\"} 0.0");
	}

	private static BigDecimal amount(JsonNode node) {
		return new BigDecimal(node.asString());
	}

	/** Staff reads of every service, on the flow's correlation id. */
	private static final class Api {

		private final ApiClient client;

		private final LocalPlatform platform;

		Api(LocalPlatform platform, String correlationId) {
			this.platform = platform;
			this.client = new ApiClient(platform.baseUrls(), correlationId);
		}

		JsonNode get(String service, String path) {
			return call(service, "GET", path).ok().body();
		}

		JsonNode post(String service, String path) {
			return call(service, "POST", path).ok().body();
		}

		byte[] bytes(String service, String path) {
			return call(service, "GET", path).ok().bytes();
		}

		String text(String service, String path) {
			return this.client.call(service, "GET", path).ok().text();
		}

		private ApiClient.Call call(String service, String method, String path) {
			return this.client.call(service, method, path).as(this.platform.token("tess", roleOf(service)));
		}

		private static String roleOf(String service) {
			return switch (service) {
				case "billing" -> "billing";
				case "approval", "signature", "reconciliation" -> "operations";
				default -> throw new IllegalArgumentException(service);
			};
		}

	}

}
