package dev.vestline.reconciliation.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import dev.vestline.events.Topics;
import dev.vestline.events.reconciliation.InvoicePaymentReceived;
import dev.vestline.events.reconciliation.MatchAccepted;
import dev.vestline.events.reconciliation.PositionUpdated;
import dev.vestline.events.reconciliation.SubscriptionFunded;
import dev.vestline.events.signature.SigningWorkflowCompleted;
import dev.vestline.reconciliation.Api;
import dev.vestline.reconciliation.Scenario;
import dev.vestline.reconciliation.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MatchAcceptanceIntegrationTests extends ServiceIntegrationTest {

	private static final String OPERATOR = Scenario.OPERATOR;

	private long movements(UUID matchId) {
		return this.jdbc.sql("SELECT count(*) FROM position_movement WHERE match_id = ?")
			.param(matchId)
			.query(Long.class)
			.single();
	}

	@Test
	void suggestsAnInvoiceByItsPaymentReferenceAndTellsBillingWhenAccepted() {
		String reference = "RF18" + Scenario.unique("X").toUpperCase().replace("-", "");
		UUID invoiceId = this.scenario.expectInvoice("inv-billed", "1250.00", reference);
		UUID line = this.scenario.credit("someone", "1250.00",
				"invoice " + reference.substring(0, 4) + " " + reference.substring(4));
		UUID matchId = this.scenario.suggestionFor(line);

		Api.Response accepted = this.scenario.accept(matchId, 0, OPERATOR);

		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		assertThat(accepted.header("ETag")).isEqualTo("\"1\"");
		assertThat(accepted.json().get("rule").asString()).isEqualTo("PAYMENT_REFERENCE");
		var events = awaitPublished(Topics.RECONCILIATION, (all) -> all.stream()
			.anyMatch((e) -> e.is(InvoicePaymentReceived.class) && e.key().equals(invoiceId.toString())));
		InvoicePaymentReceived payment = events.stream()
			.filter((e) -> e.is(InvoicePaymentReceived.class) && e.key().equals(invoiceId.toString()))
			.findFirst()
			.orElseThrow()
			.as(InvoicePaymentReceived.class);
		assertThat(payment.matchId()).isEqualTo(matchId);
		assertThat(payment.amount().amount()).isEqualByComparingTo("1250.00");
		assertThat(payment.paymentReference()).isEqualTo(reference);
	}

	@Test
	void suggestsASubscriptionForACreditThatArrivedBeforeIt() {
		String investor = Scenario.unique("inv");
		UUID line = this.scenario.credit(investor, "75000.00", "subscription of " + investor);
		UUID subscriptionId = this.scenario.expectSubscription(investor, Scenario.newId(), "75000.00");

		UUID matchId = this.scenario.suggestionFor(line);

		Api.Response match = this.api.get("/api/v1/matches/" + matchId, OPERATOR);
		assertThat(match.json().get("subscriptionId").asString()).isEqualTo(subscriptionId.toString());
		assertThat(match.json().get("rule").asString()).isEqualTo("INVESTOR_AMOUNT");
		assertThat(match.header("ETag")).isEqualTo("\"0\"");
	}

	@Test
	void neverSuggestsAPairAgainThatAnOperatorRejected() {
		String investor = Scenario.unique("again");
		UUID vehicle = Scenario.newId();
		UUID rejected = this.scenario.expectSubscription(investor, vehicle, "42.00");
		UUID line = this.scenario.credit(investor, "42.00", investor);
		UUID first = this.scenario.suggestionFor(line);
		this.api.postJson("/api/v1/matches/" + first + "/reject", OPERATOR, "{}", "If-Match", "\"0\"");

		// a second subscription that fits as well makes auto-matching look at the line
		// again
		UUID other = this.scenario.expectSubscription(investor, vehicle, "42.00");
		UUID second = this.scenario.suggestionFor(line);

		Api.Response suggested = this.api.get("/api/v1/matches/" + second, OPERATOR);
		assertThat(suggested.json().get("subscriptionId").asString()).isEqualTo(other.toString())
			.isNotEqualTo(rejected.toString());
	}

	@Test
	void twoOperatorsAcceptingTheSameMatchFiftyTimesBookItOnce() throws Exception {
		int rounds = 50;
		List<SigningWorkflowCompleted> packs = new ArrayList<>();
		List<String> rows = new ArrayList<>();
		for (int i = 0; i < rounds; i++) {
			String investor = Scenario.unique("race");
			packs.add(Scenario.packSigned(Scenario.newId(), investor, Scenario.newId(), "1000.00"));
			rows.add(Scenario.unique("ACC") + "," + Scenario.unique("R") + ",2026-11-20,1000.00,EUR," + investor + ",");
		}
		this.scenario.expect(packs);
		List<UUID> lines = this.scenario.importCsv(rows.toArray(String[]::new));
		List<UUID> matches = lines.stream().map(this.scenario::suggestionFor).toList();

		for (UUID matchId : matches) {
			List<Integer> statuses = race(2,
					() -> this.scenario
						.accept(matchId, 0, Api.token("op-" + Thread.currentThread().getId(), "operations"))
						.status());
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
			assertThat(movements(matchId)).isEqualTo(1);
		}

		List<String> keys = packs.stream().map((p) -> p.subscriptionId().toString()).toList();
		var events = awaitPublished(Topics.RECONCILIATION,
				(all) -> all.stream()
					.filter((e) -> e.is(PositionUpdated.class) && keys.contains(e.key()))
					.count() >= rounds);
		for (var type : List.of(MatchAccepted.class, SubscriptionFunded.class, PositionUpdated.class)) {
			assertThat(events.stream().filter((e) -> e.is(type) && keys.contains(e.key())).count())
				.as(type.getSimpleName())
				.isEqualTo(rounds);
		}
	}

	@Test
	void fortyOperatorsAcceptingAtOnceGetOneWinnerAndThirtyNineConflicts() throws Exception {
		String investor = Scenario.unique("crowd");
		this.scenario.expectSubscription(investor, Scenario.newId(), "500.00");
		UUID matchId = this.scenario.suggestionFor(this.scenario.credit(investor, "500.00", investor));

		List<Api.Response> responses = race(40, () -> this.scenario.accept(matchId, 0, OPERATOR));

		assertThat(responses.stream().filter((r) -> r.status() == 200)).hasSize(1);
		assertThat(responses.stream().filter((r) -> r.status() == 409)).hasSize(39)
			.allSatisfy((r) -> assertThat(r.json().get("detail").asString()).contains("ACCEPTED"));
		assertThat(movements(matchId)).isEqualTo(1);
	}

	@Test
	void aBankLineEndsUpInOneAcceptedMatchWhenOperatorsAcceptCompetingMatches() throws Exception {
		for (int round = 0; round < 3; round++) {
			String investor = Scenario.unique("split");
			this.scenario.expectSubscription(investor, Scenario.newId(), "800.00");
			UUID other = this.scenario.expectSubscription(investor, Scenario.newId(), "900.00");
			UUID line = this.scenario.credit(investor, "800.00", "for both");
			List<UUID> competing = List.of(this.scenario.suggestionFor(line), create(line, other));
			AtomicInteger next = new AtomicInteger();

			List<Integer> statuses = race(2,
					() -> this.scenario.accept(competing.get(next.getAndIncrement()), 0, OPERATOR).status());

			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
			assertThat(this.jdbc
				.sql("SELECT count(*) FROM bank_match WHERE bank_transaction_id = ? AND status = 'ACCEPTED'")
				.param(line)
				.query(Long.class)
				.single()).isEqualTo(1);
			assertThat(this.jdbc.sql("""
					SELECT count(*) FROM position_movement m JOIN bank_match b ON b.id = m.match_id
					 WHERE b.bank_transaction_id = ?
					""").param(line).query(Long.class).single()).isEqualTo(1);
		}
	}

	@Test
	void answersStaleAndMissingIfMatchAndDecidedMatches() {
		String investor = Scenario.unique("etag");
		this.scenario.expectSubscription(investor, Scenario.newId(), "300.00");
		UUID matchId = this.scenario.suggestionFor(this.scenario.credit(investor, "300.00", investor));

		Api.Response missing = this.api.postJson("/api/v1/matches/" + matchId + "/accept", OPERATOR, "");
		Api.Response stale = this.scenario.accept(matchId, 7, OPERATOR);
		Api.Response rejected = this.api.postJson("/api/v1/matches/" + matchId + "/reject", OPERATOR,
				"{\"reason\":\"wrong investor\"}", "If-Match", "\"0\"");
		Api.Response acceptRejected = this.scenario.accept(matchId, 1, OPERATOR);

		assertThat(missing.status()).isEqualTo(428);
		assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
		assertThat(stale.status()).isEqualTo(412);
		assertThat(rejected.status()).isEqualTo(200);
		assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
		assertThat(acceptRejected.status()).isEqualTo(409);
		assertThat(this.api.get("/api/v1/matches/" + Scenario.newId(), OPERATOR).status()).isEqualTo(404);
	}

	@Test
	void pagesSuggestionsByKeyset() {
		String investor = Scenario.unique("page");
		this.scenario.expectSubscription(investor, Scenario.newId(), "10.00");
		IntStream.range(0, 3).forEach((i) -> this.scenario.credit(investor, "10.00", investor));

		List<String> seen = new ArrayList<>();
		String after = "";
		for (int page = 0; page < 1000 && after != null; page++) {
			var body = this.api.get("/api/v1/matches?status=SUGGESTED&limit=2" + after, OPERATOR).json();
			assertThat(body.get("items").size()).isLessThanOrEqualTo(2);
			body.get("items").forEach((item) -> seen.add(item.get("id").asString()));
			after = body.get("next").isNull() ? null : "&after=" + body.get("next").asString();
		}

		assertThat(seen).doesNotHaveDuplicates().isSorted();
		assertThat(seen).hasSizeGreaterThanOrEqualTo(3);
	}

	private UUID create(UUID line, UUID subscriptionId) {
		Api.Response created = this.api.postJson("/api/v1/matches", OPERATOR,
				"{\"bankTransactionId\":\"" + line + "\",\"subscriptionId\":\"" + subscriptionId + "\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().get("id").asString());
	}

}
