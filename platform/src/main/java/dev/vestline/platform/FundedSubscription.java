package dev.vestline.platform;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/**
 * One investor's subscription driven from request to position through the public APIs, as
 * many callers at once would: request, two decisions, signing by investor and arranger at
 * the same moment, the fee, the funding bank line, its match accepted, the position. What
 * the platform does on its own (open the pack, accrue the fee, suggest the match) is
 * polled for through the APIs; no event watcher, no invoice run (a run bills every fee on
 * the platform, so runs of concurrent flows would bill each other's).
 * <p>
 * A decision or an acceptance whose answer was a 503 may have been applied before the
 * replica failed: its retry (same {@code If-Match}) then finds the version moved, and the
 * flow reads back whether its own decision is the one recorded, instead of failing.
 */
final class FundedSubscription {

	static final BigDecimal COMMITMENT = SubscriptionLifecycle.COMMITMENT;

	private static final Duration PATIENCE = Duration.ofMinutes(5);

	private static final Duration POLL = Duration.ofMillis(100);

	private final LocalPlatform platform;

	private final UUID vehicle;

	private final SigningLinks links;

	private final ApiClient api;

	private final String investor = "inv-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private final UUID subscription = UUID.randomUUID();

	FundedSubscription(LocalPlatform platform, UUID vehicle, SigningLinks links,
			BiConsumer<ApiClient.Answer, Duration> observer) {
		this.platform = platform;
		this.vehicle = vehicle;
		this.links = links;
		this.api = new ApiClient(platform.baseUrls(), "flow-" + UUID.randomUUID(), observer);
	}

	/**
	 * Sets a vehicle up once for many flows: its arranger (signature), its fee schedule
	 * of 1% (billing), its unit price of 100.00 (reconciliation).
	 * @param platform the running platform
	 * @return the vehicle's id
	 */
	static UUID setUpVehicle(LocalPlatform platform) {
		UUID vehicle = UUID.randomUUID();
		ApiClient api = new ApiClient(platform.baseUrls(), "vehicle-" + vehicle);
		String operations = platform.token("oscar", "operations");
		api.call("signature", "PUT", "/api/v1/vehicles/" + vehicle + "/parties/ARRANGER")
			.as(operations)
			.json(Map.of("partyId", "arr-" + vehicle, "name", "Northwind Arrangers", "email", arrangerMail(vehicle)))
			.ok();
		api.call("billing", "POST", "/api/v1/fee-schedules")
			.as(platform.token("bianca", "billing"))
			.idempotent()
			.json(Map.of("vehicleId", vehicle, "currency", "EUR", "subscriptionFeeBps", 100, "managementFeeBps", 200))
			.ok();
		api.call("reconciliation", "PUT", "/api/v1/vehicles/" + vehicle + "/unit-price")
			.as(operations)
			.json(Map.of("unitPrice", "100.00"))
			.ok();
		return vehicle;
	}

	/**
	 * @return what the flow produced, once its position is there
	 */
	Funded run() {
		long start = System.nanoTime();
		UUID deal = UUID.fromString(this.api.call("approval", "POST", "/api/v1/deals")
			.as(operations())
			.idempotent()
			.json(Map.of("vehicleId", this.vehicle, "name", "Deal of " + this.investor, "currency", "EUR", "capacity",
					COMMITMENT))
			.ok()
			.body()
			.path("id")
			.asString());
		ApiClient.Answer requested = this.api.call("approval", "POST", "/api/v1/approvals")
			.as(this.platform.token(this.investor, "investor"))
			.idempotent()
			.json(Map.of("kind", "SUBSCRIPTION", "dealId", deal, "investorId", this.investor, "subscriptionId",
					this.subscription, "amount", COMMITMENT, "investor",
					Map.of("name", "Ingrid Investor", "email", investorMail())))
			.ok();
		UUID approval = UUID.fromString(requested.body().path("id").asString());
		String etag = decide(approval, requested.etag(), "carla", "compliance");
		decide(approval, etag, "oscar", "operations");
		UUID workflow = UUID.fromString(
				poll("the subscription pack", () -> staff("signature", "/api/v1/workflows?approvalId=" + approval),
						(found) -> !found.isEmpty())
					.path(0)
					.path("id")
					.asString());
		sign(this.links.await(workflow, Map.of("INVESTOR", investorMail(), "ARRANGER", arrangerMail(this.vehicle)),
				PATIENCE));
		poll("the subscription fee", () -> staff("billing", "/api/v1/fees?subscriptionId=" + this.subscription),
				(fees) -> !fees.path("items").isEmpty());
		UUID match = acceptFundingMatch(importFundingLine());
		JsonNode position = poll("the position",
				() -> staffOrNothing("reconciliation", "/api/v1/positions/" + this.investor + "/" + this.vehicle),
				(found) -> found.path("movements").size() == 1);
		return new Funded(this.investor, this.subscription, approval, workflow, match, position,
				Duration.ofNanos(System.nanoTime() - start));
	}

	private String decide(UUID approval, String etag, String person, String role) {
		ApiClient.Call call = this.api.call("approval", "POST", "/api/v1/approvals/" + approval + "/decisions")
			.as(this.platform.token(person, role))
			.ifMatch(etag)
			.json(Map.of("decision", "APPROVE", "reason", "checked"));
		ApiClient.Answer first = call.send();
		ApiClient.Answer answer = call.retried(first);
		if (answer.status() / 100 == 2) {
			return answer.etag();
		}
		if (first.askedToRetry() && (answer.status() == 409 || answer.status() == 412)) {
			// the first attempt may have been applied: is the decision ours?
			ApiClient.Answer read = staffCall("approval", "GET", "/api/v1/approvals/" + approval).ok();
			if (read.body().path("steps").findValuesAsString("approvedBy").contains(person)) {
				return read.etag();
			}
		}
		throw new IllegalStateException(answer.target() + " answered " + answer.status() + ": " + answer.text());
	}

	/**
	 * Where this flow's investor reads the signing mail (the local mail server keeps
	 * every address).
	 */
	private String investorMail() {
		return this.investor + "@investor.example.org";
	}

	private static String arrangerMail(UUID vehicle) {
		return "arne." + vehicle + "@northwind.example.org";
	}

	private void sign(Map<String, String> links) {
		Map<String, String> signers = new LinkedHashMap<>();
		signers.put(links.get("INVESTOR"), "Ingrid Investor");
		signers.put(links.get("ARRANGER"), "Arne Arranger");
		new ConcurrentSigning(this.api).signAtOnce(signers);
	}

	private UUID importFundingLine() {
		String run = this.investor.substring(4);
		CamtStatement statement = new CamtStatement("STMT-" + run, LocalDate.now()).credit("BANK-" + run, COMMITMENT,
				"EUR", "Ingrid Investor", "Subscription " + this.investor);
		JsonNode summary = this.api.call("reconciliation", "POST", "/api/v1/bank-statements")
			.as(operations())
			.idempotent()
			.xml(statement.xml())
			.ok()
			.body();
		return UUID.fromString(summary.path("lines").path(0).path("bankTransactionId").asString());
	}

	private UUID acceptFundingMatch(UUID line) {
		UUID match = UUID.fromString(poll("the suggested match of the funding line",
				() -> staff("reconciliation", "/api/v1/bank-transactions/" + line),
				(transaction) -> transaction.hasNonNull("suggestion"))
			.path("suggestion")
			.asString());
		ApiClient.Answer read = staffCall("reconciliation", "GET", "/api/v1/matches/" + match).ok();
		ApiClient.Call accept = this.api.call("reconciliation", "POST", "/api/v1/matches/" + match + "/accept")
			.as(operations())
			.ifMatch(read.etag());
		ApiClient.Answer first = accept.send();
		ApiClient.Answer answer = accept.retried(first);
		boolean applied = answer.status() / 100 == 2 || (first.askedToRetry()
				&& (answer.status() == 409 || answer.status() == 412)
				&& "ACCEPTED".equals(staff("reconciliation", "/api/v1/matches/" + match).path("status").asString()));
		if (!applied) {
			throw new IllegalStateException(answer.target() + " answered " + answer.status() + ": " + answer.text());
		}
		return match;
	}

	private JsonNode poll(String what, Supplier<JsonNode> read, Predicate<JsonNode> done) {
		return Awaitility.await(what + " of " + this.investor)
			.atMost(PATIENCE)
			.pollInSameThread()
			.pollDelay(POLL)
			.pollInterval(POLL)
			.until(read::get, done::test);
	}

	private JsonNode staff(String service, String path) {
		return staffCall(service, "GET", path).ok().body();
	}

	/** A read that may find nothing yet (404): the missing node then. */
	private JsonNode staffOrNothing(String service, String path) {
		ApiClient.Call call = staffCall(service, "GET", path);
		ApiClient.Answer answer = call.retried(call.send());
		if (answer.status() == 404) {
			return ApiClient.parse(new byte[0]).path("nothing");
		}
		if (answer.status() / 100 != 2) {
			throw new IllegalStateException(answer.target() + " answered " + answer.status() + ": " + answer.text());
		}
		return answer.body();
	}

	private ApiClient.Call staffCall(String service, String method, String path) {
		return this.api.call(service, method, path)
			.as(this.platform.token("tess", "operations", "billing", "compliance"));
	}

	private String operations() {
		return this.platform.token("oscar", "operations");
	}

	/**
	 * What a flow produced.
	 *
	 * @param investor the investor
	 * @param subscription the subscription
	 * @param approval its approval
	 * @param workflow its signing workflow
	 * @param match the accepted funding match
	 * @param position the position with its movements, as reconciliation shows it
	 * @param took from the first request until the position was read
	 */
	record Funded(String investor, UUID subscription, UUID approval, UUID workflow, UUID match, JsonNode position,
			Duration took) {

	}

}
