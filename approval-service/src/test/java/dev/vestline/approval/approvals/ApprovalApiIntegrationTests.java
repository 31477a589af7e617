package dev.vestline.approval.approvals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vestline.approval.support.Api;
import dev.vestline.approval.support.ApprovalApiTest;
import dev.vestline.approval.support.Scenario;
import dev.vestline.events.DomainEvent;
import dev.vestline.events.approval.ApprovalCancellationRequested;
import dev.vestline.events.approval.ApprovalCancelled;
import dev.vestline.events.approval.ApprovalGranted;
import dev.vestline.events.approval.ApprovalRejected;
import dev.vestline.events.approval.ApprovalRequested;
import dev.vestline.events.approval.ApprovalStepApproved;
import org.junit.jupiter.api.Test;

import static dev.vestline.approval.support.Scenario.OPERATIONS;
import static org.assertj.core.api.Assertions.assertThat;

class ApprovalApiIntegrationTests extends ApprovalApiTest {

	@Test
	void grantsASubscriptionStepByStepAndReservesItsAmount() {
		UUID deal = this.scenario.deal("1000000.00");
		Api.Response requested = this.scenario.request(Scenario.subscription(deal, "inv-1", "250000.00"));
		assertThat(requested.json().path("status").asString()).isEqualTo("PENDING");
		assertThat(requested.etag()).isEqualTo("\"0\"");
		assertThat(requested.location()).endsWith("/api/v1/approvals/" + requested.text("id"));

		Api.Response afterCompliance = this.scenario.approve(requested, "carla", "compliance");
		assertThat(afterCompliance.json().path("currentStep").asInt()).isEqualTo(2);
		Api.Response granted = this.scenario.approve(afterCompliance, "oscar", "operations");

		assertThat(granted.text("status")).isEqualTo("GRANTED");
		assertThat(granted.json().path("reserved").path("amount").asString()).isEqualTo("250000.00");
		assertThat(this.scenario.reserved(deal)).isEqualTo("250000.00");
		List<DomainEvent> events = this.published.of(UUID.fromString(requested.text("id")));
		assertThat(events).extracting((e) -> e.getClass().getSimpleName())
			.containsExactly("ApprovalRequested", "ApprovalStepApproved", "ApprovalStepApproved", "ApprovalGranted");
		assertThat(((ApprovalRequested) events.get(0)).steps()).containsExactly("compliance", "operations");
		assertThat(((ApprovalStepApproved) events.get(2)).remainingSteps()).isZero();
		ApprovalGranted grant = (ApprovalGranted) events.get(3);
		assertThat(grant.grantedBy()).isEqualTo("oscar");
		assertThat(grant.amount().amount()).isEqualByComparingTo("250000");
	}

	@Test
	void asksAnApproverTooAboveTheLargeSubscriptionThreshold() {
		UUID deal = this.scenario.deal("5000000.00");
		Api.Response requested = this.scenario.request(Scenario.subscription(deal, "inv-2", "1500000.00"));
		assertThat(requested.json().path("steps").findValuesAsString("role")).containsExactly("compliance",
				"operations", "approver");
	}

	@Test
	void rejectsWithAReasonAndEndsTheApproval() {
		UUID deal = this.scenario.deal("1000.00");
		Api.Response requested = this.scenario.request(Scenario.interest(deal, "inv-3"));
		String id = requested.text("id");

		Api.Response noReason = this.scenario.decide(id, "anna", "approver", requested.etag(), "REJECT", null);
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.body()).contains("reason");

		Api.Response rejected = this.scenario.decide(id, "anna", "approver", requested.etag(), "REJECT",
				"sanctions screening hit");
		assertThat(rejected.status()).isEqualTo(200);
		assertThat(rejected.text("status")).isEqualTo("REJECTED");
		assertThat(rejected.text("endReason")).isEqualTo("sanctions screening hit");
		ApprovalRejected event = this.published.of(UUID.fromString(id), ApprovalRejected.class).get(0);
		assertThat(event.reason()).isEqualTo("sanctions screening hit");
		assertThat(event.role()).isEqualTo("approver");

		Api.Response again = this.scenario.decide(id, "bert", "approver", rejected.etag(), "APPROVE", null);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.text("type")).endsWith("/already-decided");
	}

	@Test
	void letsNoOnePersonDecideTwoSteps() {
		UUID deal = this.scenario.deal("1000000.00");
		Api.Response requested = this.scenario.request(Scenario.subscription(deal, "inv-4", "10.00"));
		Api.Response first = this.scenario.decide(requested.text("id"), "dual", "compliance", requested.etag(),
				"APPROVE", null);
		Api.Response second = this.api.post("/api/v1/approvals/" + requested.text("id") + "/decisions",
				Api.token("dual", "compliance", "operations"), Map.of("decision", "APPROVE"), first.ifMatch());
		assertThat(second.status()).isEqualTo(403);
		assertThat(second.text("type")).endsWith("/four-eyes");
	}

	@Test
	void asksSignatureBeforeCancellingAGrantedSubscriptionAndHoldsItsCapacityMeanwhile() {
		UUID deal = this.scenario.deal("1000.00");
		Api.Response granted = this.scenario.grantedSubscription(deal, "inv-5", "600.00");
		assertThat(this.scenario.reserved(deal)).isEqualTo("600.00");

		Api.Response cancelling = this.api.post("/api/v1/approvals/" + granted.text("id") + "/cancel",
				Api.token("inv-5", "investor"), Map.of("reason", "changed my mind"), granted.ifMatch());
		assertThat(cancelling.status()).as(cancelling.toString()).isEqualTo(202);
		assertThat(cancelling.text("status")).isEqualTo("CANCELLING");
		assertThat(cancelling.text("ownReason")).isEqualTo("changed my mind");
		assertThat(this.scenario.reserved(deal)).isEqualTo("600.00");
		ApprovalCancellationRequested event = this.published
			.of(UUID.fromString(granted.text("id")), ApprovalCancellationRequested.class)
			.get(0);
		assertThat(event.requestedBy()).isEqualTo("inv-5");
		assertThat(event.grantedAt()).isEqualTo(Instant.parse(granted.text("grantedAt")));
		assertThat(this.published.of(UUID.fromString(granted.text("id")), ApprovalCancelled.class)).isEmpty();

		Api.Response twice = this.api.post("/api/v1/approvals/" + granted.text("id") + "/cancel", OPERATIONS, null,
				cancelling.ifMatch());
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.text("type")).endsWith("/not-cancellable");
		assertThat(this.scenario.reserved(deal)).isEqualTo("600.00");
	}

	@Test
	void refusesASecondOpenApprovalNamingTheFirst() {
		UUID deal = this.scenario.deal("1000.00");
		Api.Response first = this.scenario.request(Scenario.interest(deal, "inv-6"));
		Api.Response second = this.api.post("/api/v1/approvals", OPERATIONS, Scenario.interest(deal, "inv-6"));
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.text("type")).endsWith("/approval-already-open");
		assertThat(second.text("existingApprovalId")).isEqualTo(first.text("id"));
		assertThat(second.text("detail")).contains(first.text("id"));
	}

	@Test
	void replaysTheFirstResponseToARetryWithTheSameIdempotencyKey() {
		UUID deal = this.scenario.deal("1000.00");
		Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
		Map<String, Object> body = Scenario.interest(deal, "inv-7");
		Api.Response first = this.api.post("/api/v1/approvals", OPERATIONS, body, key);
		Api.Response retry = this.api.post("/api/v1/approvals", OPERATIONS, body, key);
		Api.Response otherBody = this.api.post("/api/v1/approvals", OPERATIONS, Scenario.interest(deal, "inv-8"), key);

		assertThat(first.status()).isEqualTo(201);
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(retry.location()).isEqualTo(first.location());
		assertThat(otherBody.status()).isEqualTo(422);
		assertThat(otherBody.text("type")).endsWith("/idempotency-key-reused");
		assertThat(this.jdbc.sql("SELECT count(*) FROM approval WHERE deal_id = :deal")
			.param("deal", deal)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void answersProblemsForUnauthenticatedForbiddenAndPreconditionErrors() {
		UUID deal = this.scenario.deal("1000.00");
		Api.Response requested = this.scenario.request(Scenario.subscription(deal, "inv-9", "10.00"));
		String decisions = "/api/v1/approvals/" + requested.text("id") + "/decisions";
		Map<String, String> approve = Map.of("decision", "APPROVE");

		Api.Response anonymous = this.api.post(decisions, null, approve, requested.ifMatch());
		Api.Response forged = this.api.post(decisions, "not.a.token", approve, requested.ifMatch());
		Api.Response wrongRole = this.api.post(decisions, Api.token("olga", "operations"), approve,
				requested.ifMatch());
		Api.Response investor = this.api.post(decisions, Api.token("inv-9", "investor"), approve, requested.ifMatch());
		Api.Response noIfMatch = this.api.post(decisions, Api.token("carl", "compliance"), approve);
		Api.Response stale = this.api.post(decisions, Api.token("carl", "compliance"), approve,
				Map.of("If-Match", "\"7\""));

		assertThat(List.of(anonymous.status(), forged.status(), wrongRole.status(), investor.status(),
				noIfMatch.status(), stale.status()))
			.containsExactly(401, 401, 403, 403, 428, 412);
		for (Api.Response problem : List.of(anonymous, forged, wrongRole, investor, noIfMatch, stale)) {
			assertThat(problem.contentType()).startsWith("application/problem+json");
			assertThat(problem.text("type")).startsWith("https://vestline.dev/problems/");
		}
		assertThat(wrongRole.text("type")).endsWith("/wrong-role");
		assertThat(this.api.get("/api/v1/approvals/" + requested.text("id"), OPERATIONS).etag()).isEqualTo("\"0\"");
	}

	@Test
	void namesTheFieldOfAMalformedOrInvalidRequest() {
		UUID deal = this.scenario.deal("1000.00");
		Api.Response notJson = this.api.post("/api/v1/approvals", OPERATIONS, "{\"kind\": ");
		Api.Response badKind = this.api.post("/api/v1/approvals", OPERATIONS,
				Map.of("kind", "LOAN", "dealId", deal.toString(), "investorId", "inv-10"));
		Api.Response noAmount = this.api.post("/api/v1/approvals", OPERATIONS, Map.of("kind", "SUBSCRIPTION", "dealId",
				deal.toString(), "investorId", "inv-10", "subscriptionId", UUID.randomUUID().toString()));
		Api.Response negative = this.api.post("/api/v1/approvals", OPERATIONS,
				Scenario.subscription(deal, "inv-10", "-5"));
		Api.Response unknownDeal = this.api.post("/api/v1/approvals", OPERATIONS,
				Scenario.interest(UUID.randomUUID(), "inv-10"));

		assertThat(notJson.status()).isEqualTo(400);
		assertThat(badKind.status()).isEqualTo(400);
		assertThat(badKind.json().path("errors").get(0).path("field").asString()).isEqualTo("kind");
		assertThat(noAmount.status()).isEqualTo(400);
		assertThat(noAmount.json().path("errors").get(0).path("field").asString()).isEqualTo("amount");
		assertThat(negative.status()).isEqualTo(400);
		assertThat(negative.json().path("errors").get(0).path("field").asString()).isEqualTo("amount");
		assertThat(unknownDeal.status()).isEqualTo(422);
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM approval WHERE investor_id = 'inv-10'").query(Long.class).single())
			.isZero();
	}

	@Test
	void listsApprovalsNewestFirstByKeysetPages() {
		UUID deal = this.scenario.deal("1000.00");
		for (int i = 0; i < 5; i++) {
			this.scenario.request(Scenario.interest(deal, "lister-" + i));
		}
		Api.Response page1 = this.api.get("/api/v1/approvals?dealId=" + deal + "&status=PENDING&limit=2", OPERATIONS);
		Api.Response page2 = this.api.get(
				"/api/v1/approvals?dealId=" + deal + "&status=PENDING&limit=2&after=" + page1.text("next"), OPERATIONS);
		Api.Response page3 = this.api.get(
				"/api/v1/approvals?dealId=" + deal + "&status=PENDING&limit=2&after=" + page2.text("next"), OPERATIONS);

		assertThat(page1.json().path("items").findValuesAsString("investorId")).containsExactly("lister-4", "lister-3");
		assertThat(page2.json().path("items").findValuesAsString("investorId")).containsExactly("lister-2", "lister-1");
		assertThat(page3.json().path("items").findValuesAsString("investorId")).containsExactly("lister-0");
		assertThat(page3.json().path("next").isNull()).isTrue();
		assertThat(this.api.get("/api/v1/approvals?limit=1000", OPERATIONS).status()).isEqualTo(400);
		Api.Response mine = this.api.get("/api/v1/approvals?dealId=" + deal, Api.token("lister-1", "investor"));
		assertThat(mine.json().path("items").findValuesAsString("investorId")).containsExactly("lister-1");
	}

	@Test
	void showsTheHistoryOfEveryDecision() {
		UUID deal = this.scenario.deal("1000.00");
		Api.Response granted = this.scenario.grantedSubscription(deal, "inv-11", "100.00");
		Api.Response history = this.api.get("/api/v1/approvals/" + granted.text("id") + "/history", OPERATIONS);
		assertThat(history.json().findValuesAsString("action")).containsExactly("REQUESTED", "STEP_APPROVED",
				"GRANTED");
		assertThat(history.json().findValuesAsString("actor")).containsExactly("olga", "carl-inv-11", "otto-inv-11");
	}

	@Test
	void createsDealsForOperationsOnly() {
		Map<String, Object> deal = Map.of("vehicleId", UUID.randomUUID(), "name", "Fund V", "currency", "USD",
				"capacity", "500.00");
		assertThat(this.api.post("/api/v1/deals", Api.token("cora", "compliance"), deal).status()).isEqualTo(403);
		Api.Response created = this.api.post("/api/v1/deals", OPERATIONS, deal);
		Api.Response read = this.api.get(created.location().replaceAll("^.*(/api)", "$1"), OPERATIONS);
		assertThat(read.json().path("available").path("amount").asString()).isEqualTo("500.00");
		assertThat(read.json().path("available").path("currency").asString()).isEqualTo("USD");
		assertThat(this.api.post("/api/v1/deals", OPERATIONS, Map.of("name", "x", "currency", "euro")).status())
			.isEqualTo(400);
	}

	@Test
	void countsDecisionsAndConflictsOnPrometheus() {
		UUID deal = this.scenario.deal("1000.00");
		Api.Response granted = this.scenario.grantedSubscription(deal, "inv-12", "10.00");
		this.scenario.decide(granted.text("id"), "late", "operations", "\"0\"", "APPROVE", null);
		String metrics = this.api.get("/actuator/prometheus", null).body();
		assertThat(metrics).contains("vestline_approval_decisions_recorded_total{outcome=\"granted\"",
				"vestline_approval_decisions_recorded_total{outcome=\"step-approved\"",
				"vestline_approval_conflicts_detected_total{reason=\"stale-version\"",
				"vestline_approval_approvals_requested_total{kind=\"SUBSCRIPTION\"");
	}

	@Test
	void servesItsOpenApiDocumentWithoutAuthentication() {
		Api.Response docs = this.api.get("/v3/api-docs", null);
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().path("paths").has("/api/v1/approvals/{id}/decisions")).isTrue();
		assertThat(docs.json().path("components").path("securitySchemes").path("bearer").path("scheme").asString())
			.isEqualTo("bearer");
		assertThat(docs.json().path("components").path("schemas").has("ApprovalView")).isTrue();
	}

	@Test
	void carriesTheCallersCorrelationIdIntoTheEvents() {
		UUID deal = this.scenario.deal("1000.00");
		Api.Response requested = this.api.post("/api/v1/approvals", OPERATIONS, Scenario.interest(deal, "inv-13"),
				Map.of("X-Correlation-Id", "onboarding-4711"));
		assertThat(this.jdbc.sql("SELECT correlation_id FROM outbox_event WHERE record_key = :key")
			.param("key", requested.text("id"))
			.query(String.class)
			.list()).containsExactly("onboarding-4711");
	}

}
