package dev.vestline.reconciliation.positions;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.vestline.events.Topics;
import dev.vestline.events.reconciliation.MatchReversed;
import dev.vestline.events.reconciliation.PositionUpdated;
import dev.vestline.events.reconciliation.SubscriptionFunded;
import dev.vestline.reconciliation.Api;
import dev.vestline.reconciliation.Scenario;
import dev.vestline.reconciliation.ServiceIntegrationTest;
import dev.vestline.reconciliation.invariants.InvariantCheck;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class PositionIntegrationTests extends ServiceIntegrationTest {

	private static final String OPERATOR = Scenario.OPERATOR;

	@Autowired
	InvariantCheck invariants;

	private List<UUID> positions(String investor, UUID vehicle) {
		return this.jdbc.sql("SELECT id FROM position WHERE investor_id = ? AND vehicle_id = ?")
			.params(investor, vehicle)
			.query(UUID.class)
			.list();
	}

	private JsonNode position(String investor, UUID vehicle, String token) {
		Api.Response response = this.api.get("/api/v1/positions/" + investor + "/" + vehicle, token);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private UUID manualMatch(UUID line, UUID subscriptionId) {
		Api.Response created = this.api.postJson("/api/v1/matches", OPERATOR,
				"{\"bankTransactionId\":\"" + line + "\",\"subscriptionId\":\"" + subscriptionId + "\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().get("id").asString());
	}

	@Test
	void twoBankLinesFundingTheSameNewPositionAtOnceEndInOnePositionHoldingBoth() throws Exception {
		for (int round = 0; round < 5; round++) {
			String investor = Scenario.unique("twin");
			UUID vehicle = Scenario.newId();
			this.scenario.expectSubscription(investor, vehicle, "1000.00");
			this.scenario.expectSubscription(investor, vehicle, "2500.00");
			List<UUID> lines = this.scenario.importCsv(
					Scenario.unique("A") + ",R1,2026-11-20,1000.00,EUR," + investor + ",",
					Scenario.unique("A") + ",R2,2026-11-20,2500.00,EUR," + investor + ",");
			List<UUID> matches = lines.stream().map(this.scenario::suggestionFor).toList();
			AtomicInteger next = new AtomicInteger();

			List<Integer> statuses = race(2,
					() -> this.scenario.accept(matches.get(next.getAndIncrement()), 0, OPERATOR).status());

			assertThat(statuses).containsExactly(200, 200);
			assertThat(positions(investor, vehicle)).hasSize(1);
			JsonNode position = position(investor, vehicle, OPERATOR);
			assertThat(new BigDecimal(position.get("position").get("units").asString())).isEqualByComparingTo("3500");
			assertThat(new BigDecimal(position.get("position").get("costBasis").asString()))
				.isEqualByComparingTo("3500.00");
			assertThat(position.get("movements").size()).isEqualTo(2);
		}
		this.invariants.check();
		assertThat(this.invariants.lastViolations())
			.containsOnlyKeys("position_units", "subscription_funded", "invoice_received", "line_accepted_once",
					"line_unsuggested", "invoice_currency")
			.allSatisfy((invariant, violations) -> assertThat(violations).isZero());
	}

	@Test
	void reversalRestoresThePositionWithAReversingMovementAndUndoingEvents() {
		String investor = Scenario.unique("rev");
		UUID vehicle = Scenario.newId();
		UUID subscription = this.scenario.expectSubscription(investor, vehicle, "3000.00");
		UUID first = manualMatch(this.scenario.credit(investor, "1000.00", "part 1"), subscription);
		UUID second = manualMatch(this.scenario.credit(investor, "2000.00", "part 2"), subscription);
		assertThat(this.scenario.accept(first, 0, OPERATOR).status()).isEqualTo(200);
		assertThat(this.scenario.accept(second, 0, OPERATOR).status()).isEqualTo(200);
		assertThat(this.scenario.funded(subscription)).isEqualByComparingTo("3000.00");

		Api.Response reversed = this.scenario.reverse(second, 1, "paid twice by mistake");
		Api.Response again = this.scenario.reverse(second, 2, "again");
		Api.Response stale = this.scenario.reverse(first, 0, "stale");

		assertThat(reversed.status()).as(reversed.toString()).isEqualTo(200);
		assertThat(reversed.json().get("status").asString()).isEqualTo("REVERSED");
		assertThat(again.status()).isEqualTo(409);
		assertThat(stale.status()).isEqualTo(412);
		JsonNode position = position(investor, vehicle, OPERATOR);
		assertThat(new BigDecimal(position.get("position").get("units").asString())).isEqualByComparingTo("1000");
		assertThat(position.get("movements").size()).isEqualTo(3);
		assertThat(position.get("movements").get(2).get("kind").asString()).isEqualTo("REVERSAL");
		assertThat(this.scenario.funded(subscription)).isEqualByComparingTo("1000.00");
		var events = awaitPublished(Topics.RECONCILIATION,
				(all) -> all.stream()
					.filter((e) -> e.key().equals(subscription.toString()) && e.is(PositionUpdated.class))
					.count() == 3);
		PositionUpdated undo = events.stream()
			.filter((e) -> e.key().equals(subscription.toString()) && e.is(PositionUpdated.class))
			.map((e) -> e.as(PositionUpdated.class))
			.filter((e) -> e.unitsDelta().signum() < 0)
			.findFirst()
			.orElseThrow();
		assertThat(undo.unitsDelta()).isEqualByComparingTo("-2000");
		assertThat(undo.units()).isEqualByComparingTo("1000");
		assertThat(events.stream()
			.filter((e) -> e.key().equals(subscription.toString()) && e.is(SubscriptionFunded.class))
			.map((e) -> e.as(SubscriptionFunded.class).amount().amount().toPlainString()))
			.containsExactly("1000.00", "2000.00", "-2000.00");
		assertThat(events.stream()
			.filter((e) -> e.key().equals(subscription.toString()) && e.is(MatchReversed.class))
			.map((e) -> e.as(MatchReversed.class))).singleElement().satisfies((undone) -> {
				assertThat(undone.matchId()).isEqualTo(second);
				assertThat(undone.reason()).isEqualTo("paid twice by mistake");
				assertThat(undone.amount().amount()).isEqualByComparingTo("2000.00");
			});
	}

	@Test
	void partialFundingsAccumulateAndOverFundingIsFlagged() {
		String investor = Scenario.unique("over");
		UUID subscription = this.scenario.expectSubscription(investor, Scenario.newId(), "1000.00");
		UUID first = manualMatch(this.scenario.credit(investor, "600.00", "first half"), subscription);
		UUID second = manualMatch(this.scenario.credit(investor, "600.00", "second half"), subscription);

		this.scenario.accept(first, 0, OPERATOR);
		JsonNode partly = this.api.get("/api/v1/subscriptions/" + subscription, OPERATOR).json();
		this.scenario.accept(second, 0, OPERATOR);
		JsonNode over = this.api.get("/api/v1/subscriptions/" + subscription, OPERATOR).json();

		assertThat(partly.get("funded").asString()).isEqualTo("600.00");
		assertThat(partly.get("fullyFunded").asBoolean()).isFalse();
		assertThat(over.get("funded").asString()).isEqualTo("1200.00");
		assertThat(over.get("overFunded").asBoolean()).isTrue();
		var events = awaitPublished(Topics.RECONCILIATION,
				(all) -> all.stream()
					.filter((e) -> e.key().equals(subscription.toString()) && e.is(SubscriptionFunded.class))
					.count() == 2);
		assertThat(events.stream()
			.filter((e) -> e.key().equals(subscription.toString()) && e.is(SubscriptionFunded.class))
			.map((e) -> e.as(SubscriptionFunded.class).overFunded())).containsExactly(false, true);
	}

	@Test
	void convertsFundingToUnitsAtTheVehiclesUnitPrice() {
		String investor = Scenario.unique("priced");
		UUID vehicle = Scenario.newId();
		assertThat(this.api.put("/api/v1/vehicles/" + vehicle + "/unit-price", OPERATOR, "{\"unitPrice\":\"2.50\"}")
			.status()).isEqualTo(200);
		this.scenario.expectSubscription(investor, vehicle, "1000.00");
		UUID match = this.scenario.suggestionFor(this.scenario.credit(investor, "1000.00", investor));

		this.scenario.accept(match, 0, OPERATOR);

		JsonNode position = position(investor, vehicle, OPERATOR);
		assertThat(new BigDecimal(position.get("position").get("units").asString())).isEqualByComparingTo("400");
		assertThat(position.get("movements").get(0).get("unitPrice").asString()).isEqualTo("2.500000");
	}

	@Test
	void investorsReadOnlyTheirOwnPositions() {
		String investor = Scenario.unique("own");
		UUID vehicle = Scenario.newId();
		this.scenario.expectSubscription(investor, vehicle, "50.00");
		this.scenario.accept(this.scenario.suggestionFor(this.scenario.credit(investor, "50.00", investor)), 0,
				OPERATOR);

		Api.Response own = this.api.get("/api/v1/positions?investorId=" + investor, Api.token(investor, "investor"));
		Api.Response other = this.api.get("/api/v1/positions?investorId=" + investor,
				Api.token("someone-else", "investor"));

		assertThat(own.status()).isEqualTo(200);
		assertThat(own.json().size()).isEqualTo(1);
		assertThat(other.status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/positions/" + investor + "/" + Scenario.newId(), OPERATOR).status())
			.isEqualTo(404);
	}

}
