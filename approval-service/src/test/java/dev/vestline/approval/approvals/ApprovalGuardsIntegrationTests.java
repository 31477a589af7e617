package dev.vestline.approval.approvals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vestline.approval.support.Api;
import dev.vestline.approval.support.ApprovalApiTest;
import dev.vestline.approval.support.Scenario;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.vestline.approval.support.Scenario.OPERATIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may decide, who sees what, and what a request must carry: the requester and the
 * investor never decide, an investor never reads staff internals, a subscription id is
 * used once, amounts fit the deal's currency, every mutation needs If-Match.
 */
class ApprovalGuardsIntegrationTests extends ApprovalApiTest {

	@Test
	void neverLetsTheRequesterDecideEvenOnAOneStepChain() {
		UUID deal = this.scenario.deal("1000.00");
		String anna = Api.token("anna", "approver");
		Api.Response requested = this.api.post("/api/v1/approvals", anna, Scenario.interest(deal, "inv-g1"));
		assertThat(requested.status()).as(requested.toString()).isEqualTo(201);

		Api.Response own = this.api.post(decisions(requested), anna, Map.of("decision", "APPROVE"),
				requested.ifMatch());
		Api.Response ownReject = this.api.post(decisions(requested), anna,
				Map.of("decision", "REJECT", "reason", "changed my mind"), requested.ifMatch());

		for (Api.Response refused : List.of(own, ownReject)) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.text("type")).endsWith("/own-request");
		}
		assertUnchanged(requested);
		// someone else decides it
		assertThat(this.scenario.approve(requested, "bert", "approver").text("status")).isEqualTo("GRANTED");
	}

	@Test
	void neverLetsTheInvestorDecideTheirOwnApprovalWhateverTheirOtherRoles() {
		UUID deal = this.scenario.deal("1000.00");
		Api.Response requested = this.scenario.request(Scenario.interest(deal, "ivan"));
		Api.Response own = this.api.post(decisions(requested), Api.token("ivan", "investor", "approver"),
				Map.of("decision", "APPROVE"), requested.ifMatch());

		assertThat(own.status()).as(own.toString()).isEqualTo(403);
		assertThat(own.text("type")).endsWith("/own-investment");
		assertUnchanged(requested);
	}

	@Test
	void refusesASubscriptionIdAlreadyUsedNamingIt() {
		UUID deal = this.scenario.deal("1000.00");
		Map<String, Object> first = Scenario.subscription(deal, "inv-g2", "100.00");
		this.scenario.request(first);
		Map<String, Object> reused = new LinkedHashMap<>(
				Scenario.subscription(this.scenario.deal("500.00"), "inv-g3", "50.00"));
		reused.put("subscriptionId", first.get("subscriptionId"));

		Api.Response refused = this.api.post("/api/v1/approvals", OPERATIONS, reused);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.text("type")).endsWith("/subscription-id-taken");
		assertThat(refused.text("subscriptionId")).isEqualTo(first.get("subscriptionId"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM approval WHERE subscription_id = :id")
			.param("id", UUID.fromString((String) first.get("subscriptionId")))
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void showsAnInvestorTheirApprovalWithoutStaffIdentitiesOrInternalReasons() {
		UUID deal = this.scenario.deal("1000.00");
		Api.Response requested = this.scenario.request(Scenario.subscription(deal, "inv-g4", "100.00"));
		Api.Response approved = this.scenario.approve(requested, "carla-g4", "compliance");
		this.scenario.decide(requested.text("id"), "oscar-g4", "operations", approved.etag(), "REJECT",
				"sanctions screening hit on a related party");
		String id = requested.text("id");
		String investor = Api.token("inv-g4", "investor");

		Api.Response seen = this.api.get("/api/v1/approvals/" + id, investor);
		Api.Response history = this.api.get("/api/v1/approvals/" + id + "/history", investor);
		Api.Response listed = this.api.get("/api/v1/approvals?dealId=" + deal, investor);

		assertThat(seen.status()).isEqualTo(200);
		assertThat(seen.text("status")).isEqualTo("REJECTED");
		assertThat(seen.json().path("amount").path("amount").asString()).isEqualTo("100.00");
		assertThat(seen.json().path("steps").get(0).path("done").asBoolean()).isTrue();
		assertThat(history.status()).isEqualTo(200);
		assertThat(history.json().findValuesAsString("action")).containsExactly("REQUESTED", "STEP_APPROVED",
				"REJECTED");
		for (JsonNode investorView : List.of(seen.json(), history.json(), listed.json())) {
			String text = investorView.toString();
			assertThat(text).doesNotContain("olga", "carla-g4", "oscar-g4", "sanctions", "approvedBy", "grantedBy",
					"endedBy", "workflowId");
		}
		assertThat(listed.json().path("items")).hasSize(1);
	}

	@Test
	void showsStaffTheWholeApprovalAndItsHistory() {
		UUID deal = this.scenario.deal("1000.00");
		Api.Response requested = this.scenario.request(Scenario.subscription(deal, "inv-g5", "100.00"));
		Api.Response approved = this.scenario.approve(requested, "carla-g5", "compliance");
		this.scenario.decide(requested.text("id"), "oscar-g5", "operations", approved.etag(), "REJECT",
				"sanctions screening hit");
		String id = requested.text("id");

		Api.Response seen = this.api.get("/api/v1/approvals/" + id, OPERATIONS);
		Api.Response history = this.api.get("/api/v1/approvals/" + id + "/history", OPERATIONS);

		assertThat(seen.text("requestedBy")).isEqualTo("olga");
		assertThat(seen.json().path("steps").get(0).path("approvedBy").asString()).isEqualTo("carla-g5");
		assertThat(seen.text("endedBy")).isEqualTo("oscar-g5");
		assertThat(seen.text("endReason")).isEqualTo("sanctions screening hit");
		assertThat(history.json().findValuesAsString("actor")).containsExactly("olga", "carla-g5", "oscar-g5");
		assertThat(history.json().findValuesAsString("reason")).contains("sanctions screening hit");
	}

	@Test
	void answers428WithoutIfMatchOnEveryMutationAndChangesNothing() {
		UUID deal = this.scenario.deal("1000.00");
		Api.Response requested = this.scenario.request(Scenario.subscription(deal, "inv-g6", "100.00"));
		String id = requested.text("id");

		List<Api.Response> answers = List.of(
				this.api.post("/api/v1/approvals/" + id + "/decisions", Api.token("carl", "compliance"),
						Map.of("decision", "APPROVE")),
				this.api.post("/api/v1/approvals/" + id + "/cancel", OPERATIONS, Map.of("reason", "no")),
				this.api.post("/api/v1/approvals/" + id + "/cancel", OPERATIONS, null),
				this.api.patch("/api/v1/deals/" + deal, OPERATIONS, Map.of("capacity", "2000.00"), Map.of()));

		for (Api.Response answer : answers) {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(428);
			assertThat(answer.contentType()).startsWith("application/problem+json");
			assertThat(answer.text("type")).endsWith("/if-match-required");
		}
		assertUnchanged(requested);
		assertThat(this.api.get("/api/v1/deals/" + deal, OPERATIONS).etag()).isEqualTo("\"0\"");
	}

	@Test
	void answersAnUnsupportedContentTypeWithAProblem() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/deals"))
			.header("Authorization", "Bearer " + OPERATIONS)
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("capacity=1000"))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.headers().firstValue("Content-Type").orElse("") + " " + response.body())
			.startsWith("application/problem+json");
		assertThat(response.body()).contains("\"type\":\"https://vestline.dev/problems/http-415\"");
	}

	@Test
	void refusesAmountsTheDealsCurrencyCannotHoldNamingTheField() {
		UUID euros = this.scenario.deal("1000.00");
		UUID yen = deal("JPY", "100000");

		List<Map.Entry<String, Api.Response>> answers = List.of(Map.entry("capacity", createDeal("JPY", "1000.50")),
				Map.entry("capacity", createDeal("EUR", "1000000000000000")),
				Map.entry("amount",
						this.api.post("/api/v1/approvals", OPERATIONS, Scenario.subscription(yen, "inv-g7", "100.5"))),
				Map.entry("amount",
						this.api.post("/api/v1/approvals", OPERATIONS, Scenario.subscription(euros, "inv-g7", "1e3"))),
				Map.entry("capacity", this.api.patch("/api/v1/deals/" + yen, OPERATIONS, Map.of("capacity", "200000.5"),
						Map.of("If-Match", "\"0\""))));

		for (Map.Entry<String, Api.Response> answer : answers) {
			assertThat(answer.getValue().status()).as(answer.getValue().toString()).isEqualTo(400);
			assertThat(answer.getValue().contentType()).startsWith("application/problem+json");
			assertThat(answer.getValue().json().path("errors").get(0).path("field").asString())
				.isEqualTo(answer.getKey());
		}
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM approval WHERE investor_id = 'inv-g7'").query(Long.class).single())
			.isZero();
		assertThat(new java.math.BigDecimal(
				this.api.get("/api/v1/deals/" + yen, OPERATIONS).json().path("capacity").path("amount").asString()))
			.isEqualByComparingTo("100000");
	}

	@Test
	void refusesCurrenciesVestlineDoesNotHold() {
		for (String currency : List.of("BHD", "XAU", "EUX")) {
			Api.Response refused = createDeal(currency, "1000");
			assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
			assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("currency");
		}
	}

	private UUID deal(String currency, String capacity) {
		Api.Response created = createDeal(currency, capacity);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.text("id"));
	}

	private Api.Response createDeal(String currency, String capacity) {
		return this.api.post("/api/v1/deals", OPERATIONS, "{\"vehicleId\":\"" + UUID.randomUUID()
				+ "\",\"name\":\"Fund\",\"currency\":\"" + currency + "\",\"capacity\":" + capacity + "}");
	}

	private static String decisions(Api.Response approval) {
		return "/api/v1/approvals/" + approval.text("id") + "/decisions";
	}

	private void assertUnchanged(Api.Response requested) {
		Api.Response now = this.api.get("/api/v1/approvals/" + requested.text("id"), OPERATIONS);
		assertThat(now.etag()).isEqualTo(requested.etag());
		assertThat(now.text("status")).isEqualTo("PENDING");
		assertThat(this.jdbc.sql("SELECT count(*) FROM approval_step WHERE approval_id = :id")
			.param("id", UUID.fromString(requested.text("id")))
			.query(Long.class)
			.single()).isZero();
		assertThat(this.published.of(UUID.fromString(requested.text("id")))).hasSize(1);
	}

}
