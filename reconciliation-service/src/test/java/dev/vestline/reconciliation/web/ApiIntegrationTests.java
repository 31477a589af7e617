package dev.vestline.reconciliation.web;

import java.util.List;
import java.util.UUID;

import dev.vestline.reconciliation.Api;
import dev.vestline.reconciliation.Scenario;
import dev.vestline.reconciliation.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiIntegrationTests extends ServiceIntegrationTest {

	private static final String OPERATOR = Scenario.OPERATOR;

	private String manualMatch(UUID line, UUID subscriptionId) {
		return "{\"bankTransactionId\":\"" + line + "\",\"subscriptionId\":\"" + subscriptionId + "\"}";
	}

	@Test
	void publishesOpenApiWithoutAuthentication() {
		Api.Response docs = this.api.get("/v3/api-docs", null);

		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/v1/matches", "/api/v1/bank-statements", "/api/v1/positions",
				"\"bearerFormat\":\"JWT\"");
	}

	@Test
	void answersAuthenticationFailuresAsProblems() {
		Api.Response anonymous = this.api.get("/api/v1/matches", null);
		Api.Response investor = this.api.get("/api/v1/matches", Api.token("ivan", "investor"));

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
		assertThat(anonymous.json().get("status").asInt()).isEqualTo(401);
		assertThat(investor.status()).isEqualTo(403);
		assertThat(investor.json().get("title").asString()).isEqualTo("Forbidden");
	}

	@Test
	void replaysACreatedMatchForTheSameIdempotencyKeyEvenWhenRetriedConcurrently() throws Exception {
		String investor = Scenario.unique("idem");
		UUID subscription = this.scenario.expectSubscription(investor, Scenario.newId(), "10.00");
		UUID line = this.scenario.credit("nobody", "10.00", "no hint");
		String key = UUID.randomUUID().toString();

		List<Api.Response> responses = race(10, () -> this.api.postJson("/api/v1/matches", OPERATOR,
				manualMatch(line, subscription), "Idempotency-Key", key));
		Api.Response otherBody = this.api.postJson("/api/v1/matches", OPERATOR, manualMatch(line, Scenario.newId()),
				"Idempotency-Key", key);

		assertThat(responses).allSatisfy((r) -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
		assertThat(responses.stream().map((r) -> r.json().get("id").asString()).distinct()).hasSize(1);
		assertThat(responses.stream().map((r) -> r.header("Location")).distinct()).hasSize(1);
		assertThat(responses.stream().filter((r) -> "true".equals(r.header("Idempotent-Replayed")))).hasSize(9);
		assertThat(otherBody.status()).isEqualTo(422);
		assertThat(this.jdbc.sql("SELECT count(*) FROM bank_match WHERE bank_transaction_id = ?")
			.param(line)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void carriesTheCallersCorrelationIdIntoTheEventsItCauses() {
		String correlationId = "click-" + UUID.randomUUID();
		String investor = Scenario.unique("corr");
		UUID subscription = this.scenario.expectSubscription(investor, Scenario.newId(), "20.00");
		UUID match = this.scenario.suggestionFor(this.scenario.credit(investor, "20.00", investor));

		this.api.postJson("/api/v1/matches/" + match + "/accept", OPERATOR, "", "If-Match", "\"0\"", "X-Correlation-Id",
				correlationId);

		try (var reader = new dev.vestline.testharness.TopicReader(this.infrastructure.kafka().bootstrapServers(),
				dev.vestline.events.Topics.RECONCILIATION)) {
			var records = reader.readUntil(
					(all) -> all.stream().filter((r) -> r.key().equals(subscription.toString())).count() == 3,
					java.time.Duration.ofMinutes(2));
			assertThat(records.stream()
				.filter((r) -> r.key().equals(subscription.toString()))
				.map((r) -> dev.vestline.messaging.cloudevents.CloudEventsKafkaBinding.fromRecord(r).correlationId()))
				.containsOnly(correlationId);
		}
	}

	@Test
	void namesTheFieldsOfAnInvalidRequest() {
		Api.Response both = this.api.postJson("/api/v1/matches", OPERATOR,
				"{\"subscriptionId\":\"" + UUID.randomUUID() + "\",\"invoiceId\":\"" + UUID.randomUUID() + "\"}");
		Api.Response garbage = this.api.postJson("/api/v1/matches", OPERATOR, "{not json");

		assertThat(both.status()).isEqualTo(400);
		assertThat(both.json().get("errors").toString()).contains("bankTransactionId", "oneTarget");
		assertThat(garbage.status()).isEqualTo(400);
		assertThat(this.api.get("/api/v1/matches?limit=0", OPERATOR).status()).isEqualTo(400);
		assertThat(this.api.get("/api/v1/matches?status=MAYBE", OPERATOR).status()).isEqualTo(400);
		assertThat(garbage.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void refusesToPayAnInvoiceMoreThanItsTotal() {
		String reference = "RF47" + Scenario.unique("I").toUpperCase().replace("-", "");
		UUID invoice = this.scenario.expectInvoice("inv-over", "100.00", reference);
		UUID big = this.scenario.credit("payer", "150.00", "no reference");
		UUID small = this.scenario.credit("payer", "100.00", reference);
		Api.Response created = this.api.postJson("/api/v1/matches", OPERATOR,
				"{\"bankTransactionId\":\"" + big + "\",\"invoiceId\":\"" + invoice + "\"}");
		UUID tooMuch = UUID.fromString(created.json().get("id").asString());
		UUID exact = this.scenario.suggestionFor(small);

		Api.Response overpaid = this.scenario.accept(tooMuch, 0, OPERATOR);
		Api.Response paid = this.scenario.accept(exact, 0, OPERATOR);

		assertThat(overpaid.status()).isEqualTo(409);
		assertThat(overpaid.json().get("detail").asString()).contains("exceed");
		assertThat(paid.status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/invoices/" + invoice, OPERATOR).json().get("received").asString())
			.isEqualTo("100.00");
	}

	@Test
	void refusesManualMatchesOfDebitsAndUnknownTargets() {
		List<UUID> lines = this.scenario.importCsv(Scenario.unique("D") + ",D1,2026-11-20,-40.00,EUR,,");
		UUID credit = this.scenario.credit("x", "40.00", "y");

		Api.Response debit = this.api.postJson("/api/v1/matches", OPERATOR,
				manualMatch(lines.get(0), Scenario.newId()));
		Api.Response unknown = this.api.postJson("/api/v1/matches", OPERATOR, manualMatch(credit, Scenario.newId()));

		assertThat(debit.status()).isEqualTo(422);
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.json().get("detail").asString()).contains("is expected");
	}

	@Test
	void exposesReconciliationMetrics() {
		this.scenario.credit("metrics", "1.00", "count me");

		String metrics = this.api.get("/actuator/prometheus", null).body();

		assertThat(metrics).contains("vestline_reconciliation_lines_imported_total",
				"vestline_reconciliation_expectations_recorded_total", "vestline_reconciliation_invariant_violations",
				"vestline_outbox_backlog");
	}

}
