package dev.vestline.platform;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.vestline.platform.Steps.Expected;
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

	private static final Duration TIMEOUT = Duration.ofMinutes(3);

	private final LocalPlatform platform;

	private final ApiClient api;

	private final Steps steps;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final Flow flow = new Flow("inv-" + this.run, UUID.randomUUID(), UUID.randomUUID());

	SubscriptionLifecycle(LocalPlatform platform, EventWatcher watcher) {
		this(platform, watcher, platform.baseUrls());
	}

	/**
	 * A lifecycle that calls the services at the given URLs, e.g. a second instance of
	 * one of them.
	 */
	SubscriptionLifecycle(LocalPlatform platform, EventWatcher watcher, Map<String, String> baseUrls) {
		this.platform = platform;
		this.api = new ApiClient(baseUrls, "flow-" + UUID.randomUUID());
		this.steps = new Steps(watcher, TIMEOUT, this.api.correlationId());
	}

	String correlationId() {
		return this.api.correlationId();
	}

	Timeline timeline() {
		return this.steps.timeline();
	}

	/**
	 * Runs the lifecycle.
	 * @param outage a service to stop before the signatures and start again after them,
	 * so the events it consumes wait for it on the broker; {@code null} for none
	 * @return what the lifecycle produced
	 */
	Outcome run(@Nullable String outage) {
		return runWith((outage != null) ? new Outage(outage) : new Fault() {
		});
	}

	/**
	 * Runs the lifecycle with a fault injected around the signatures, the moment when
	 * every service has work in flight (signature publishes, billing accrues, approval
	 * executes).
	 * @param fault what to break, and when to heal it
	 * @return what the lifecycle produced
	 */
	Outcome runWith(Fault fault) {
		this.steps.run("Vehicle set up: arranger (signature), fee schedule 1% (billing), unit price (reconciliation)",
				List.of(), this::setUpVehicle);
		UUID deal = this.steps.run("Operations creates a deal with capacity EUR 1000000.00", List.of(),
				this::createDeal);
		UUID approval = approve(deal);
		UUID workflow = UUID.fromString(this.steps
			.await("Signature service opens the subscription pack", List.of(Expected.one("SigningWorkflowCreated")))
			.getFirst()
			.subject());
		Map<String, String> links = new SigningLinks(this.platform.mailbox()).await(workflow,
				Map.of("INVESTOR", investorMail(), "ARRANGER", arrangerMail()), TIMEOUT);
		this.steps.note("signing links taken from the mails to " + investorMail() + " and " + arrangerMail() + " ("
				+ this.platform.mailbox().inboxUrl(investorMail()) + ")");
		fault.beforeSigning();
		this.steps.run("Investor and arranger sign at the same moment",
				List.of(Expected.of("DocumentSigned", 2), Expected.one("SigningWorkflowCompleted")), () -> {
					signAtOnce(links);
					fault.afterSignatures();
					return null;
				});
		fault.afterSigningEvents();
		this.steps.run("Billing accrues the subscription fee", List.of(Expected.one("FeeAccrued")), this::awaitFee);
		UUID invoice = this.steps.run("Invoice run issues the invoice", List.of(Expected.one("InvoiceIssued")),
				this::invoiceRun);
		String reference = settle(invoice);
		return finish(deal, approval, workflow, invoice, reference);
	}

	private UUID approve(UUID deal) {
		ApiClient.Answer requested = this.steps.run(
				"Investor " + this.flow.investor() + " requests a subscription of " + CURRENCY + " " + COMMITMENT,
				List.of(Expected.one("ApprovalRequested")), () -> requestApproval(deal));
		UUID approval = UUID.fromString(requested.body().path("id").asString());
		ApiClient.Answer first = this.steps.run("Compliance (carla) approves step 1",
				List.of(Expected.one("ApprovalStepApproved")),
				() -> decide(approval, requested.etag(), token("carla", "compliance")));
		this.steps.run("Operations (oscar) approves step 2: granted, capacity reserved",
				List.of(Expected.one("ApprovalStepApproved"), Expected.one("ApprovalGranted")),
				() -> decide(approval, first.etag(), operations()));
		return approval;
	}

	/**
	 * A fault injected into the lifecycle. Each hook runs on the lifecycle's thread, so
	 * the flow goes on only when the hook returns.
	 */
	interface Fault {

		/** Before the two signers sign. */
		default void beforeSigning() {
		}

		/**
		 * Right after both signatures were answered, before their events are awaited: the
		 * signature service's relay and billing's consumer are at work.
		 */
		default void afterSignatures() {
		}

		/** Once the signing events were seen on the broker. */
		default void afterSigningEvents() {
		}

	}

	/** A service stopped (SIGTERM) while the pack is signed and started again after. */
	private final class Outage implements Fault {

		private final String service;

		Outage(String service) {
			this.service = service;
		}

		@Override
		public void beforeSigning() {
			SubscriptionLifecycle.this.steps.run(this.service + " stopped (SIGTERM)", List.of(), () -> {
				SubscriptionLifecycle.this.platform.stop(this.service);
				return null;
			});
		}

		@Override
		public void afterSigningEvents() {
			SubscriptionLifecycle.this.steps.run(this.service + " started again (new process, same schema)", List.of(),
					() -> {
						SubscriptionLifecycle.this.platform.start(this.service);
						return null;
					});
		}

	}

	/**
	 * Where this run's investor reads their mail (the local mail server keeps every
	 * address).
	 */
	private String investorMail() {
		return "ingrid." + this.run + "@investor.example.org";
	}

	private String arrangerMail() {
		return "arne." + this.run + "@northwind.example.org";
	}

	private @Nullable Void setUpVehicle() {
		this.api.call("signature", "PUT", "/api/v1/vehicles/" + this.flow.vehicle() + "/parties/ARRANGER")
			.as(operations())
			.json(Map.of("partyId", "arr-" + this.run, "name", "Northwind Arrangers", "email", arrangerMail()))
			.ok();
		Map<String, Object> schedule = new HashMap<>(Map.of("vehicleId", this.flow.vehicle(), "currency", CURRENCY,
				"subscriptionFeeBps", 100, "managementFeeBps", 200));
		billing("POST", "/api/v1/fee-schedules").idempotent().json(schedule).ok();
		this.api.call("reconciliation", "PUT", "/api/v1/vehicles/" + this.flow.vehicle() + "/unit-price")
			.as(operations())
			.json(Map.of("unitPrice", UNIT_PRICE.toPlainString()))
			.ok();
		this.steps.note("vehicle " + this.flow.vehicle());
		return null;
	}

	private UUID createDeal() {
		JsonNode deal = this.api.call("approval", "POST", "/api/v1/deals")
			.as(operations())
			.idempotent()
			.json(Map.of("vehicleId", this.flow.vehicle(), "name", "Northwind Growth II " + this.run, "currency",
					CURRENCY, "capacity", new BigDecimal("1000000.00")))
			.ok()
			.body();
		return UUID.fromString(deal.path("id").asString());
	}

	private ApiClient.Answer requestApproval(UUID deal) {
		ApiClient.Answer answer = this.api.call("approval", "POST", "/api/v1/approvals")
			.as(token(this.flow.investor(), "investor"))
			.idempotent()
			.json(Map.of("kind", "SUBSCRIPTION", "dealId", deal, "investorId", this.flow.investor(), "subscriptionId",
					this.flow.subscription(), "amount", COMMITMENT, "investor",
					Map.of("name", "Ingrid Investor", "email", investorMail())))
			.ok();
		this.steps
			.note("approval " + answer.body().path("id").asString() + ", subscription " + this.flow.subscription());
		return answer;
	}

	private ApiClient.Answer decide(UUID approval, String etag, String token) {
		return this.api.call("approval", "POST", "/api/v1/approvals/" + approval + "/decisions")
			.as(token)
			.ifMatch(etag)
			.json(Map.of("decision", "APPROVE", "reason", "checked"))
			.ok();
	}

	private @Nullable Void signAtOnce(Map<String, String> links) {
		Map<String, String> signers = new LinkedHashMap<>();
		signers.put(links.get("INVESTOR"), "Ingrid Investor");
		signers.put(links.get("ARRANGER"), "Arne Arranger");
		new ConcurrentSigning(this.api).signAtOnce(signers).forEach((token, answer) -> {
			JsonNode signed = answer.body();
			this.steps.note(signers.get(token) + ": version " + signed.path("documentVersion").asInt() + ", sha256 "
					+ signed.path("documentSha256").asString().substring(0, 12) + "…, completed "
					+ signed.path("workflowCompleted").asBoolean());
		});
		return null;
	}

	private @Nullable Void awaitFee() {
		JsonNode fees = Awaitility.await("the subscription fee")
			.atMost(TIMEOUT)
			.pollInterval(Duration.ofMillis(300))
			.until(() -> billing("GET", "/api/v1/fees?subscriptionId=" + this.flow.subscription()).ok()
				.body()
				.path("items"), (items) -> !items.isEmpty());
		fees.forEach((fee) -> this.steps.note(fee.path("feeType").asString() + " fee " + fee.path("currency").asString()
				+ " " + fee.path("amount").asString() + " (" + fee.path("status").asString() + ")"));
		return null;
	}

	private UUID invoiceRun() {
		// a run answers 202 at once and bills in the background; one runs at a time, so a
		// start while another flow's run goes joins that run, which may have counted its
		// groups before this fee: run until this investor's invoice exists
		JsonNode invoices = Awaitility.await("an invoice for " + this.flow.investor())
			.atMost(TIMEOUT)
			.pollInterval(Duration.ofMillis(300))
			.until(() -> {
				followRun(billing("POST", "/api/v1/invoice-runs").idempotent().ok().body().path("id").asString());
				return billing("GET", "/api/v1/invoices?investorId=" + this.flow.investor()).ok().body().path("items");
			}, (items) -> !items.isEmpty());
		UUID invoiceId = UUID.fromString(invoices.path(0).path("id").asString());
		JsonNode invoice = invoice(invoiceId);
		this.steps
			.note(invoice.path("invoiceNumber").asString() + " " + CURRENCY + " " + invoice.path("total").asString()
					+ ", payment reference " + invoice.path("paymentReference").asString());
		return invoiceId;
	}

	/** Follows an invoice run until it completed; a failed run is a failed step. */
	private void followRun(String id) {
		JsonNode result = Awaitility.await("invoice run " + id)
			.atMost(TIMEOUT)
			.pollInterval(Duration.ofMillis(300))
			.until(() -> billing("GET", "/api/v1/invoice-runs/" + id).ok().body(),
					(answer) -> Set.of("COMPLETED", "FAILED").contains(answer.path("status").asString()));
		if (!"COMPLETED".equals(result.path("status").asString())) {
			throw new IllegalStateException("The invoice run failed: " + result.path("failure").asString());
		}
		this.steps.note("invoice run " + id + ": " + result.path("invoicesIssued").asInt() + " invoice(s) issued for "
				+ result.path("feesInvoiced").asInt() + " fee(s)");
	}

	private String settle(UUID invoiceId) {
		JsonNode invoice = invoice(invoiceId);
		String reference = invoice.path("paymentReference").asString();
		CamtStatement statement = new CamtStatement("STMT-" + this.run, LocalDate.now())
			.credit("BANK-" + this.run + "-1", COMMITMENT, CURRENCY, "Ingrid Investor",
					"Subscription " + this.flow.investor())
			.creditWithReference("BANK-" + this.run + "-2", new BigDecimal(invoice.path("total").asString()), CURRENCY,
					"Ingrid Investor", reference);
		BankDesk desk = new BankDesk(this.api, operations(), this.steps::note);
		List<String> lines = this.steps.run(
				"Bank statement (camt.053) imported: subscription funding + invoice payment",
				List.of(Expected.of("BankTransactionImported", 2)), () -> desk.importStatement(statement));
		this.steps.run("Operations accepts the suggested matches",
				List.of(Expected.of("MatchAccepted", 2), Expected.one("SubscriptionFunded"),
						Expected.one("PositionUpdated"), Expected.one("InvoicePaymentReceived"),
						Expected.one("PaymentRecorded"), Expected.one("InvoicePaid")),
				() -> {
					desk.acceptSuggestions(lines, TIMEOUT);
					return null;
				});
		return reference;
	}

	private Outcome finish(UUID deal, UUID approval, UUID workflow, UUID invoiceId, String reference) {
		return this.steps.run("Position and paid invoice read back", List.of(), () -> {
			JsonNode position = this.api
				.call("reconciliation", "GET", "/api/v1/positions/" + this.flow.investor() + "/" + this.flow.vehicle())
				.as(operations())
				.ok()
				.body();
			JsonNode invoice = invoice(invoiceId);
			JsonNode held = position.path("position");
			this.steps.note("position of " + this.flow.investor() + ": " + held.path("units").asString()
					+ " units, cost " + held.path("currency").asString() + " " + held.path("costBasis").asString()
					+ " (" + position.path("movements").size() + " movement)");
			this.steps.note("invoice " + invoice.path("invoiceNumber").asString() + ": "
					+ invoice.path("status").asString() + ", paid " + invoice.path("amountPaid").asString() + " of "
					+ invoice.path("total").asString());
			return new Outcome(this.flow, deal, approval, workflow, invoiceId, reference, position, invoice);
		});
	}

	private JsonNode invoice(UUID id) {
		return billing("GET", "/api/v1/invoices/" + id).ok().body().path("invoice");
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

}
