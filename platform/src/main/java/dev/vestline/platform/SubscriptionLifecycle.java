package dev.vestline.platform;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Drives one investor's subscription through the whole platform, through the public HTTP
 * APIs only: deal, approval in two steps, signing by investor and arranger at the same
 * moment, fee, invoice, bank statement, matches, position. Every step waits for the
 * events it causes and lands on a {@link Timeline}.
 */
final class SubscriptionLifecycle {

	static final BigDecimal COMMITMENT = new BigDecimal("250000.00");

	static final BigDecimal UNIT_PRICE = new BigDecimal("100.00");

	static final String CURRENCY = "EUR";

	private static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);

	private final LocalPlatform platform;

	private final EventWatcher watcher;

	private final ApiClient api;

	private final Timeline timeline = new Timeline();

	private final List<String> notes = new ArrayList<>();

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final Flow flow = new Flow("inv-" + this.run, UUID.randomUUID(), UUID.randomUUID());

	SubscriptionLifecycle(LocalPlatform platform, EventWatcher watcher) {
		this.platform = platform;
		this.watcher = watcher;
		this.api = new ApiClient(platform.baseUrls(), "flow-" + UUID.randomUUID());
	}

	String correlationId() {
		return this.api.correlationId();
	}

	Timeline timeline() {
		return this.timeline;
	}

	/**
	 * Runs the lifecycle.
	 * @param outage a service to stop before the signatures and start again after them,
	 * so the events it consumes wait for it on the broker; {@code null} for none
	 * @return what the lifecycle produced
	 */
	Outcome run(@Nullable String outage) {
		setUpVehicle();
		UUID deal = createDeal();
		ApiClient.Answer approval = step(
				"Investor " + this.flow.investor() + " requests a subscription of " + CURRENCY + " "
						+ COMMITMENT.toPlainString(),
				List.of(Expected.one("ApprovalRequested")), () -> requestApproval(deal));
		UUID approvalId = uuid(approval.body().path("id"));
		ApiClient.Answer decided = step("Compliance (carla) approves step 1",
				List.of(Expected.one("ApprovalStepApproved")),
				() -> decide(approvalId, approval.etag(), token("carla", "compliance")));
		step("Operations (oscar) approves step 2: granted, capacity reserved",
				List.of(Expected.one("ApprovalStepApproved"), Expected.one("ApprovalGranted")),
				() -> decide(approvalId, decided.etag(), token("oscar", "operations")));
		List<ObservedEvent> created = step("Signature service opens the subscription pack",
				List.of(Expected.one("SigningWorkflowCreated")), () -> null);
		UUID workflowId = UUID.fromString(created.getFirst().subject());
		Map<String, String> links = new SigningLinks(this.platform.log("signature")).await(workflowId,
				List.of("INVESTOR", "ARRANGER"), STEP_TIMEOUT);
		if (outage != null) {
			step(outage + " stopped (SIGTERM)", List.of(), () -> {
				this.platform.stop(outage);
				return null;
			});
		}
		step("Investor and arranger sign at the same moment",
				List.of(Expected.of("DocumentSigned", 2), Expected.one("SigningWorkflowCompleted")),
				() -> signAtOnce(links));
		if (outage != null) {
			step(outage + " started again (new process, same schema)", List.of(), () -> {
				this.platform.start(outage);
				return null;
			});
		}
		step("Billing accrues the subscription fee", List.of(Expected.one("FeeAccrued")), this::awaitFee);
		UUID invoiceId = step("Invoice run issues the invoice", List.of(Expected.one("InvoiceIssued")),
				this::invoiceRun);
		JsonNode invoice = billing("GET", "/api/v1/invoices/" + invoiceId).ok().body().path("invoice");
		String reference = invoice.path("paymentReference").asString();
		BigDecimal total = new BigDecimal(invoice.path("total").asString());
		List<UUID> lines = step("Bank statement (camt.053) imported: subscription funding + invoice payment",
				List.of(Expected.of("BankTransactionImported", 2)), () -> importStatement(reference, total));
		step("Operations accepts the suggested matches",
				List.of(Expected.of("MatchAccepted", 2), Expected.one("SubscriptionFunded"),
						Expected.one("PositionUpdated"), Expected.one("InvoicePaymentReceived"),
						Expected.one("PaymentRecorded"), Expected.one("InvoicePaid")),
				() -> acceptMatches(lines));
		return finish(deal, approvalId, workflowId, invoiceId, reference);
	}

	private void setUpVehicle() {
		step("Vehicle set up: arranger (signature), fee schedule 1% (billing), unit price (reconciliation)", List.of(),
				() -> {
					this.api.call("signature", "PUT", "/api/v1/vehicles/" + this.flow.vehicle() + "/parties/ARRANGER")
						.as(operations())
						.json(Map.of("partyId", "arr-" + this.run, "name", "Northwind Arrangers"))
						.ok();
					Map<String, Object> schedule = new HashMap<>(Map.of("vehicleId", this.flow.vehicle(), "currency",
							CURRENCY, "subscriptionFeeBps", 100, "managementFeeBps", 200));
					billing("POST", "/api/v1/fee-schedules").idempotent().json(schedule).ok();
					this.api.call("reconciliation", "PUT", "/api/v1/vehicles/" + this.flow.vehicle() + "/unit-price")
						.as(operations())
						.json(Map.of("unitPrice", UNIT_PRICE.toPlainString()))
						.ok();
					note("vehicle " + this.flow.vehicle());
					return null;
				});
	}

	private UUID createDeal() {
		ApiClient.Answer deal = step("Operations creates a deal with capacity EUR 1000000.00", List.of(),
				() -> this.api.call("approval", "POST", "/api/v1/deals")
					.as(operations())
					.idempotent()
					.json(Map.of("vehicleId", this.flow.vehicle(), "name", "Northwind Growth II " + this.run,
							"currency", CURRENCY, "capacity", new BigDecimal("1000000.00")))
					.ok());
		return uuid(deal.body().path("id"));
	}

	private ApiClient.Answer requestApproval(UUID deal) {
		ApiClient.Answer answer = this.api.call("approval", "POST", "/api/v1/approvals")
			.as(token(this.flow.investor(), "investor"))
			.idempotent()
			.json(Map.of("kind", "SUBSCRIPTION", "dealId", deal, "investorId", this.flow.investor(), "subscriptionId",
					this.flow.subscription(), "amount", COMMITMENT))
			.ok();
		note("approval " + answer.body().path("id").asString() + ", subscription " + this.flow.subscription());
		return answer;
	}

	private ApiClient.Answer decide(UUID approval, String etag, String token) {
		return this.api.call("approval", "POST", "/api/v1/approvals/" + approval + "/decisions")
			.as(token)
			.ifMatch(etag)
			.json(Map.of("decision", "APPROVE", "reason", "checked"))
			.ok();
	}

	private Void signAtOnce(Map<String, String> links) {
		Map<String, String> signers = new LinkedHashMap<>();
		signers.put(links.get("INVESTOR"), "Ingrid Investor");
		signers.put(links.get("ARRANGER"), "Arne Arranger");
		new ConcurrentSigning(this.api).signAtOnce(signers).forEach((token, answer) -> {
			JsonNode signed = answer.body();
			note(signers.get(token) + ": version " + signed.path("documentVersion").asInt() + ", sha256 "
					+ signed.path("documentSha256").asString().substring(0, 12) + "…, completed "
					+ signed.path("workflowCompleted").asBoolean());
		});
		return null;
	}

	private Void awaitFee() {
		JsonNode fees = Awaitility.await("the subscription fee")
			.atMost(STEP_TIMEOUT)
			.pollInterval(Duration.ofMillis(300))
			.until(() -> billing("GET", "/api/v1/fees?subscriptionId=" + this.flow.subscription()).ok()
				.body()
				.path("items"), (items) -> !items.isEmpty());
		fees.forEach((fee) -> note(fee.path("feeType").asString() + " fee " + fee.path("currency").asString() + " "
				+ fee.path("amount").asString() + " (" + fee.path("status").asString() + ")"));
		return null;
	}

	private UUID invoiceRun() {
		JsonNode result = billing("POST", "/api/v1/invoice-runs").idempotent().ok().body();
		note(result.path("invoicesIssued").asInt() + " invoice(s) issued for " + result.path("feesInvoiced").asInt()
				+ " fee(s)");
		UUID invoiceId = uuid(result.path("invoiceIds").path(0));
		JsonNode invoice = billing("GET", "/api/v1/invoices/" + invoiceId).ok().body().path("invoice");
		note(invoice.path("invoiceNumber").asString() + " " + CURRENCY + " " + invoice.path("total").asString()
				+ ", payment reference " + invoice.path("paymentReference").asString());
		return invoiceId;
	}

	private List<UUID> importStatement(String reference, BigDecimal invoiceTotal) {
		String xml = new CamtStatement("STMT-" + this.run, LocalDate.now())
			.credit("BANK-" + this.run + "-1", COMMITMENT, CURRENCY, "Ingrid Investor",
					"Subscription " + this.flow.investor())
			.creditWithReference("BANK-" + this.run + "-2", invoiceTotal, CURRENCY, "Ingrid Investor", reference)
			.xml();
		JsonNode summary = this.api.call("reconciliation", "POST", "/api/v1/bank-statements")
			.as(operations())
			.idempotent()
			.xml(xml)
			.ok()
			.body();
		note(summary.path("newLines").asInt() + " new line(s), " + summary.path("duplicateLines").asInt()
				+ " duplicate(s), " + summary.path("rejectedLines").asInt() + " rejected");
		List<UUID> lines = new ArrayList<>();
		summary.path("lines").forEach((line) -> lines.add(uuid(line.path("bankTransactionId"))));
		return lines;
	}

	private Void acceptMatches(List<UUID> lines) {
		List<JsonNode> suggestions = Awaitility.await("suggested matches of the statement's lines")
			.atMost(STEP_TIMEOUT)
			.pollInterval(Duration.ofMillis(300))
			.until(() -> suggestionsFor(lines), (found) -> found.size() == lines.size());
		for (JsonNode suggestion : suggestions) {
			String id = suggestion.path("id").asString();
			ApiClient.Answer match = this.api.call("reconciliation", "GET", "/api/v1/matches/" + id)
				.as(operations())
				.ok();
			this.api.call("reconciliation", "POST", "/api/v1/matches/" + id + "/accept")
				.as(operations())
				.ifMatch(match.etag())
				.ok();
			note("accepted " + suggestion.path("target").asString() + " match (" + suggestion.path("rule").asString()
					+ ") of " + suggestion.path("currency").asString() + " " + suggestion.path("amount").asString());
		}
		return null;
	}

	private List<JsonNode> suggestionsFor(List<UUID> lines) {
		List<JsonNode> found = new ArrayList<>();
		this.api.call("reconciliation", "GET", "/api/v1/matches?status=SUGGESTED&limit=100")
			.as(operations())
			.ok()
			.body()
			.path("items")
			.forEach((match) -> {
				if (lines.contains(uuid(match.path("bankTransactionId")))) {
					found.add(match);
				}
			});
		return found;
	}

	private Outcome finish(UUID deal, UUID approval, UUID workflow, UUID invoiceId, String reference) {
		JsonNode[] read = new JsonNode[2];
		step("Position and paid invoice read back", List.of(), () -> {
			read[0] = this.api
				.call("reconciliation", "GET", "/api/v1/positions/" + this.flow.investor() + "/" + this.flow.vehicle())
				.as(operations())
				.ok()
				.body();
			read[1] = billing("GET", "/api/v1/invoices/" + invoiceId).ok().body().path("invoice");
			JsonNode position = read[0].path("position");
			note("position of " + this.flow.investor() + ": " + position.path("units").asString() + " units, cost "
					+ position.path("currency").asString() + " " + position.path("costBasis").asString() + " ("
					+ read[0].path("movements").size() + " movement)");
			note("invoice " + read[1].path("invoiceNumber").asString() + ": " + read[1].path("status").asString()
					+ ", paid " + read[1].path("amountPaid").asString() + " of " + read[1].path("total").asString());
			return null;
		});
		return new Outcome(this.flow, deal, approval, workflow, invoiceId, reference, read[0], read[1]);
	}

	private <T> T step(String name, List<Expected> expected, Supplier<T> work) {
		this.notes.clear();
		long start = System.nanoTime();
		T result = work.get();
		List<ObservedEvent> events = new ArrayList<>();
		for (Expected wanted : expected) {
			events.addAll(
					this.watcher
						.await(0, (e) -> e.is(wanted.name()) && !this.timeline.claimed(e) && !events.contains(e),
								wanted.count(), STEP_TIMEOUT)
						.subList(0, wanted.count()));
		}
		this.timeline.add(new Timeline.Step(name, Duration.ofNanos(System.nanoTime() - start), List.copyOf(events),
				List.copyOf(this.notes)));
		@SuppressWarnings("unchecked")
		T answer = (result != null) ? result : (T) events;
		return answer;
	}

	private void note(String note) {
		this.notes.add(note);
	}

	private ApiClient.Call billing(String method, String path) {
		return this.api.call("billing", method, path).as(token("bianca", "billing"));
	}

	private String operations() {
		return token("oscar", "operations");
	}

	private String token(String subject, String... roles) {
		return this.platform.token(subject, roles);
	}

	private static UUID uuid(JsonNode node) {
		return UUID.fromString(node.asString());
	}

	/**
	 * The ids a run chose up front.
	 *
	 * @param investor the investor id
	 * @param vehicle the vehicle
	 * @param subscription the subscription
	 */
	record Flow(String investor, UUID vehicle, UUID subscription) {

	}

	/**
	 * What a run produced.
	 *
	 * @param flow its ids
	 * @param deal the deal
	 * @param approval the approval
	 * @param workflow the signing workflow
	 * @param invoice the invoice
	 * @param paymentReference its RF reference
	 * @param position the position with its movements, as reconciliation shows it
	 * @param paidInvoice the invoice, as billing shows it at the end
	 */
	record Outcome(Flow flow, UUID deal, UUID approval, UUID workflow, UUID invoice, String paymentReference,
			JsonNode position, JsonNode paidInvoice) {

	}

	private record Expected(String name, int count) {

		static Expected one(String name) {
			return new Expected(name, 1);
		}

		static Expected of(String name, int count) {
			return new Expected(name, count);
		}

	}

}
