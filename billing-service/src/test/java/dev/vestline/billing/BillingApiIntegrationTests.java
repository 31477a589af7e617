package dev.vestline.billing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vestline.billing.invoices.InvoiceRun;
import dev.vestline.billing.payments.PaymentOrigin;
import dev.vestline.billing.payments.PaymentRecording;
import dev.vestline.events.Money;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

class BillingApiIntegrationTests extends BillingIntegrationTest {

	@Autowired
	InvoiceRun run;

	@Autowired
	PaymentRecording recording;

	@Test
	void refusesMissingTokensAndWrongRolesWithProblems() {
		RestClient anonymous = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler((s) -> true, (req, res) -> {
			})
			.build();
		var unauthenticated = anonymous.get().uri("/api/v1/invoices").retrieve().toEntity(JsonNode.class);
		assertThat(unauthenticated.getStatusCode().value()).isEqualTo(401);
		assertThat(unauthenticated.getHeaders().getContentType().toString()).contains("application/problem+json");
		assertThat(unauthenticated.getBody().get("status").asInt()).isEqualTo(401);

		var investor = http(TOKENS.token("ivy", "investor")).get()
			.uri("/api/v1/invoices")
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(investor.getStatusCode().value()).isEqualTo(403);
		assertThat(investor.getBody().get("status").asInt()).isEqualTo(403);

		var forged = http("not.a.token").get().uri("/api/v1/invoices").retrieve().toEntity(JsonNode.class);
		assertThat(forged.getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void guardsFeeScheduleChangesWithIfMatchAndReplaysIdempotentCreates() {
		UUID vehicle = UUID.randomUUID();
		Map<String, Object> body = Map.of("vehicleId", vehicle, "currency", "EUR", "subscriptionFeeBps", 100,
				"managementFeeBps", 150);
		String key = UUID.randomUUID().toString();
		var created = idempotentPost("/api/v1/fee-schedules", key, body);
		var replayed = idempotentPost("/api/v1/fee-schedules", key, body);
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		assertThat(created.getHeaders().getETag()).isEqualTo("\"0\"");
		assertThat(replayed.getStatusCode().value()).isEqualTo(201);
		assertThat(replayed.getBody()).isEqualTo(created.getBody());
		assertThat(replayed.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
		var reused = idempotentPost("/api/v1/fee-schedules", key,
				Map.of("vehicleId", vehicle, "currency", "EUR", "subscriptionFeeBps", 999, "managementFeeBps", 150));
		assertThat(reused.getStatusCode().value()).isEqualTo(422);
		assertThat(post("/api/v1/fee-schedules", body).getStatusCode().value()).as("one schedule per vehicle")
			.isEqualTo(409);

		String path = "/api/v1/fee-schedules/" + vehicle;
		assertThat(put(path, null, body).getStatusCode().value()).isEqualTo(428);
		var changed = put(path, "\"0\"", Map.of("currency", "EUR", "subscriptionFeeBps", 120, "managementFeeBps", 150));
		assertThat(changed.getStatusCode().value()).isEqualTo(200);
		assertThat(changed.getHeaders().getETag()).isEqualTo("\"1\"");
		var stale = put(path, "\"0\"", body);
		assertThat(stale.getStatusCode().value()).isEqualTo(412);
		assertThat(stale.getBody().get("type").asString()).endsWith("/stale-version");
		assertThat(get(path).getBody().get("subscriptionFeeBps").asInt()).isEqualTo(120);
		assertThat(get("/api/v1/fee-schedules/" + UUID.randomUUID()).getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void answersPreconditionRequiredToEveryChangeOfAVersionedResourceWithoutIfMatchAndChangesNothing() {
		String investor = "investor-" + UUID.randomUUID();
		UUID invoice = Invoicing.issue(this.jdbc, this.run, investor, "40.00");
		UUID fee = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO fee (id, subscription_id, investor_id, vehicle_id, fee_type, amount, currency, status,
				                 accrued_at)
				VALUES (?, gen_random_uuid(), ?, gen_random_uuid(), 'SUBSCRIPTION', 10.00, 'EUR', 'ACCRUED', now())
				""").params(fee, investor).update();
		UUID vehicle = UUID.randomUUID();
		assertThat(post("/api/v1/fee-schedules",
				Map.of("vehicleId", vehicle, "currency", "EUR", "subscriptionFeeBps", 100, "managementFeeBps", 150))
			.getStatusCode()
			.value()).isEqualTo(201);

		var responses = java.util.List.of(
				post("/api/v1/invoices/" + invoice + "/void", null, Map.of("reason", "no version named")),
				post("/api/v1/fees/" + fee + "/cancel", null, Map.of("reason", "no version named")),
				post("/api/v1/invoices/" + invoice + "/credit-applications", null, Map.of()),
				put("/api/v1/fee-schedules/" + vehicle, null,
						Map.of("currency", "EUR", "subscriptionFeeBps", 120, "managementFeeBps", 150)));

		assertThat(responses).allSatisfy((response) -> {
			assertThat(response.getStatusCode().value()).isEqualTo(428);
			assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
			assertThat(response.getBody().get("type").asString()).endsWith("/if-match-required");
		});
		assertThat(get("/api/v1/invoices/" + invoice).getBody().get("invoice").get("status").asString())
			.isEqualTo("ISSUED");
		assertThat(get("/api/v1/fees/" + fee).getBody().get("status").asString()).isEqualTo("ACCRUED");
		assertThat(get("/api/v1/fee-schedules/" + vehicle).getBody().get("subscriptionFeeBps").asInt()).isEqualTo(100);

		String invoiceTag = etag("/api/v1/invoices/" + invoice);
		assertThat(post("/api/v1/fees/" + fee + "/cancel", etag("/api/v1/fees/" + fee), Map.of("reason", "read first"))
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat(post("/api/v1/invoices/" + invoice + "/void", invoiceTag, Map.of("reason", "read first"))
			.getStatusCode()
			.value()).isEqualTo(200);
	}

	@Test
	void createsOnceWhenTenRetriesWithOneIdempotencyKeyRace() throws Exception {
		UUID vehicle = UUID.randomUUID();
		Map<String, Object> body = Map.of("vehicleId", vehicle, "currency", "EUR", "subscriptionFeeBps", 100,
				"managementFeeBps", 150);
		String key = UUID.randomUUID().toString();
		java.util.List<ResponseEntity<JsonNode>> responses = new java.util.ArrayList<>();
		for (var done : race(10, () -> idempotentPost("/api/v1/fee-schedules", key, body))) {
			responses.add(done.get());
		}
		assertThat(responses).allSatisfy((r) -> {
			assertThat(r.getStatusCode().value()).isEqualTo(201);
			assertThat(r.getBody()).isEqualTo(responses.getFirst().getBody());
		});
		assertThat(responses.stream().filter((r) -> r.getHeaders().containsHeader("Idempotent-Replayed"))).hasSize(9);
	}

	@Test
	void replaysAnInvoiceRunForItsIdempotencyKey() {
		String key = UUID.randomUUID().toString();
		var first = idempotentPost("/api/v1/invoice-runs", key, Map.of());
		Invoicing.issue(this.jdbc, this.run, "investor-" + UUID.randomUUID(), "10.00");
		var again = idempotentPost("/api/v1/invoice-runs", key, Map.of());
		assertThat(first.getStatusCode().value()).isEqualTo(202);
		assertThat(again.getStatusCode().value()).isEqualTo(202);
		assertThat(again.getHeaders().getLocation()).as("the first run, not a new one")
			.isEqualTo(first.getHeaders().getLocation());
		assertThat(again.getBody()).as("the first run's answer").isEqualTo(first.getBody());
	}

	@Test
	void answersInvalidRequestsWithFieldErrors() {
		var invalid = post("/api/v1/fee-schedules",
				Map.of("vehicleId", UUID.randomUUID(), "currency", "euro", "subscriptionFeeBps", 20000));
		assertThat(invalid.getStatusCode().value()).isEqualTo(400);
		assertThat(invalid.getBody().get("errors").findValuesAsString("field")).contains("currency",
				"subscriptionFeeBps", "managementFeeBps");
		assertThat(
				post("/api/v1/fees/" + UUID.randomUUID() + "/cancel", "\"0\"", Map.of("reason", "gone")).getStatusCode()
					.value())
			.isEqualTo(404);
		assertThat(post("/api/v1/fees/" + UUID.randomUUID() + "/cancel", Map.of("reason", " ")).getStatusCode().value())
			.isEqualTo(400);
	}

	@Test
	void refusesAbsurdFeeScheduleAmountsAndRatesWithABadRequestNamingTheFieldAndWritesNothing() {
		UUID vehicle = UUID.randomUUID();
		Map<String, String> valid = new java.util.LinkedHashMap<>();
		valid.put("vehicleId", "\"" + vehicle + "\"");
		valid.put("currency", "\"EUR\"");
		valid.put("subscriptionFeeBps", "100");
		valid.put("subscriptionFeeMinimum", "\"50.00\"");
		valid.put("managementFeeBps", "150");
		Map<String, java.util.List<String>> absurd = Map.of("subscriptionFeeMinimum",
				java.util.List.of("\"1000000000000000\"", "1e400", "\"1e400\"", "\"0.001\"", "\"-1.00\""),
				"subscriptionFeeBps", java.util.List.of("1.5", "1001", "-1", "\"2e3\""), "managementFeeBps",
				java.util.List.of("0.5", "10000", "99999999999"), "currency", java.util.List.of("\"BHD\"", "\"XAU\""));
		absurd.forEach((field, values) -> values.forEach((value) -> {
			Map<String, String> body = new java.util.LinkedHashMap<>(valid);
			body.put(field, value);
			var refused = http().post()
				.uri("/api/v1/fee-schedules")
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.body(body.entrySet()
					.stream()
					.map((e) -> "\"" + e.getKey() + "\":" + e.getValue())
					.collect(java.util.stream.Collectors.joining(",", "{", "}")))
				.retrieve()
				.toEntity(JsonNode.class);
			assertThat(refused.getStatusCode().value()).as(field + " " + value).isEqualTo(400);
			assertThat(refused.getHeaders().getContentType().toString()).contains("problem+json");
			assertThat(refused.getBody().get("errors").findValuesAsString("field")).as(field + " " + value)
				.containsExactly(field);
		}));
		assertThat(get("/api/v1/fee-schedules/" + vehicle).getStatusCode().value()).as("nothing written")
			.isEqualTo(404);
	}

	@Test
	void showsAnInvestorTheirOwnStatementInKeysetPages() {
		String investor = "investor-" + UUID.randomUUID();
		UUID invoice = Invoicing.issue(this.jdbc, this.run, investor, "100.00");
		this.recording.record(invoice, Money.of("120.00", "EUR"),
				PaymentOrigin.bank(UUID.randomUUID(), UUID.randomUUID()));

		RestClient own = http(TOKENS.token(investor, "investor"));
		var first = own.get()
			.uri("/api/v1/investors/" + investor + "/statement?limit=2")
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(first.getStatusCode().value()).isEqualTo(200);
		JsonNode balance = first.getBody().get("credit").get(0).get("balance");
		assertThat(balance.isString()).as("amounts are decimal strings, never JSON numbers").isTrue();
		assertThat(new BigDecimal(balance.asString())).isEqualByComparingTo(new BigDecimal("20.00"));
		assertThat(first.getBody().get("entries").get(0).get("amount").isString()).isTrue();
		var second = own.get()
			.uri("/api/v1/investors/" + investor + "/statement?limit=2&after=" + first.getBody().get("next").asString())
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(first.getBody().get("entries").findValuesAsString("kind")).containsExactly("INVOICE_ISSUED",
				"PAYMENT_BANK");
		assertThat(second.getBody().get("entries").findValuesAsString("kind")).containsExactly("CREDIT_RECEIVED");

		var someoneElse = http(TOKENS.token("mallory", "investor")).get()
			.uri("/api/v1/investors/" + investor + "/statement")
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(someoneElse.getStatusCode().value()).isEqualTo(403);
	}

	@Test
	void refusesBadPagingAndFiltersWith400NamingTheParameterAsTheOtherServicesDo() {
		RestClient billing = http(TOKENS.token("bea", "billing"));
		RestClient investor = http(TOKENS.token("ivy", "investor"));
		var answers = Map.of("limit",
				List.of(billing.get().uri("/api/v1/invoices?limit=0"),
						billing.get().uri("/api/v1/fees?subscriptionId=" + UUID.randomUUID() + "&limit=501"),
						investor.get().uri("/api/v1/investors/ivy/statement?limit=-1")),
				"status", List.of(billing.get().uri("/api/v1/invoices?status=NOPE")), "after",
				List.of(investor.get().uri("/api/v1/investors/ivy/statement?after=not-a-cursor")));

		answers.forEach((parameter, requests) -> requests.forEach((request) -> {
			var answer = request.retrieve().toEntity(JsonNode.class);
			assertThat(answer.getStatusCode().value()).as(parameter).isEqualTo(400);
			assertThat(answer.getBody().get("type").asString()).endsWith("/invalid-request");
			assertThat(answer.getBody().get("errors").get(0).get("field").asString()).isEqualTo(parameter);
		}));
	}

	@Test
	void publishesOpenApiAndBillingMetrics() {
		RestClient anonymous = RestClient.create("http://localhost:" + this.port);
		String docs = anonymous.get().uri("/v3/api-docs").retrieve().body(String.class);
		assertThat(docs).contains("/api/v1/fee-schedules", "/api/v1/invoice-runs", "/api/v1/payments/webhook",
				"/api/v1/investors/{investorId}/statement");
		assertThat(docs).as("amounts documented as decimal strings").contains("\"format\":\"decimal\"");
		String investor = "investor-" + UUID.randomUUID();
		UUID invoice = Invoicing.issue(this.jdbc, this.run, investor, "10.00");
		PaymentOrigin match = PaymentOrigin.bank(UUID.randomUUID(), UUID.randomUUID());
		this.recording.record(invoice, Money.of("5.00", "EUR"), match);
		this.recording.record(invoice, Money.of("5.00", "EUR"), match);
		var check = post("/api/v1/consistency-checks", Map.of());
		assertThat(check.getBody().get("consistent").asBoolean()).isTrue();
		String metrics = anonymous.get().uri("/actuator/prometheus").retrieve().body(String.class);
		assertThat(metrics).contains(
				"vestline_billing_consistency_violations{invariant=\"credit_equals_received_minus_applied\"} 0.0",
				"vestline_billing_invoices_issued_total", "vestline_billing_payments_recorded_total{source=\"BANK\"}",
				"vestline_billing_duplicates_suppressed_total{kind=\"payment\"}",
				"vestline_billing_invoice_runs_completed_seconds_count");
	}

	private ResponseEntity<JsonNode> idempotentPost(String path, String key, Object body) {
		return http().post().uri(path).header("Idempotency-Key", key).body(body).retrieve().toEntity(JsonNode.class);
	}

	private ResponseEntity<JsonNode> put(String path, String ifMatch, Object body) {
		var request = http().put().uri(path);
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return request.body(body).retrieve().toEntity(JsonNode.class);
	}

}
