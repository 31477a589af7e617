package dev.vestline.approval.deals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vestline.approval.support.Api;
import dev.vestline.approval.support.ApprovalApiTest;
import dev.vestline.testharness.Race;
import dev.vestline.approval.support.Scenario;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Capacity changes racing each other and racing the grants that reserve against them.
 */
class DealCapacityRaceIntegrationTests extends ApprovalApiTest {

	static final int ROUNDS = 6;

	@Test
	void appliesOneOfTwentyChangesMadeFromTheSameVersion() {
		for (int round = 0; round < ROUNDS; round++) {
			UUID deal = this.scenario.deal("1000.00");
			Api.Response read = this.api.get("/api/v1/deals/" + deal, Scenario.OPERATIONS);
			List<Api.Response> answers = Race.run(20, (i) -> this.api.patch("/api/v1/deals/" + deal,
					Api.token("op-" + i, "operations"), Map.of("capacity", (2000 + i) + ".00"), read.ifMatch()));

			List<Api.Response> winners = answers.stream().filter((a) -> a.status() == 200).toList();
			assertThat(winners).hasSize(1);
			assertThat(answers).filteredOn((a) -> a.status() != 200)
				.hasSize(19)
				.allSatisfy((a) -> assertThat(a.text("type")).as(a.toString()).endsWith("/stale-version"));
			String capacity = winners.get(0).json().path("capacity").path("amount").asString();
			Api.Response now = this.api.get("/api/v1/deals/" + deal, Scenario.OPERATIONS);
			assertThat(now.json().path("capacity").path("amount").asString()).isEqualTo(capacity);
			assertThat(now.etag()).isEqualTo("\"1\"");
			assertThat(this.api.get("/api/v1/deals/" + deal + "/changes", Scenario.OPERATIONS).json()).hasSize(1);
		}
	}

	/**
	 * Ten subscriptions of 100 are granted at the moment an operator halves the capacity
	 * of 1,000 (re-reading and retrying while grants move the version). Either the cut
	 * came in time and exactly five grants fit, or five were already granted and the cut
	 * is refused, and then all ten are granted; never more reserved than the capacity.
	 */
	@Test
	void grantsExactlyWhatFitsWhenTheCapacityIsCutWhileSubscriptionsAreGranted() {
		for (int round = 0; round < ROUNDS; round++) {
			UUID deal = this.scenario.deal("1000.00");
			List<Api.Response> waiting = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				waiting.add(this.scenario.subscriptionAwaitingLastStep(deal, "cut-" + round + "-" + i, "100.00"));
			}
			Api.Response read = this.api.get("/api/v1/deals/" + deal, Scenario.OPERATIONS);
			List<Api.Response> answers = Race.run(11,
					(i) -> (i == 10) ? cutCapacity(deal, "500.00", read.ifMatch())
							: this.scenario.decide(waiting.get(i).text("id"), "ops-" + i, "operations",
									waiting.get(i).etag(), "APPROVE", null));

			Api.Response cut = answers.get(10);
			List<Api.Response> grants = answers.subList(0, 10);
			long granted = grants.stream().filter((a) -> a.status() == 200).count();
			assertThat(grants).filteredOn((a) -> a.status() != 200)
				.allSatisfy((a) -> assertThat(a.text("type")).as(a.toString()).endsWith("/over-capacity"));
			Api.Response now = this.api.get("/api/v1/deals/" + deal, Scenario.OPERATIONS);
			BigDecimal capacity = new BigDecimal(now.json().path("capacity").path("amount").asString());
			BigDecimal reserved = new BigDecimal(now.json().path("reserved").path("amount").asString());
			if (cut.status() == 200) {
				assertThat(granted).isEqualTo(5);
				assertThat(capacity).isEqualByComparingTo("500.00");
			}
			else {
				assertThat(cut.text("type")).as(cut.toString()).endsWith("/capacity-below-reserved");
				assertThat(granted).isEqualTo(10);
				assertThat(capacity).isEqualByComparingTo("1000.00");
			}
			assertThat(reserved).isEqualByComparingTo(new BigDecimal(100 * granted));
			assertThat(this.jdbc.sql("SELECT count(*) FROM approval WHERE deal_id = :deal AND status = 'GRANTED'")
				.param("deal", deal)
				.query(Long.class)
				.single()).isEqualTo(granted);
		}
	}

	/**
	 * An operator who read the deal before the grants began, and re-reads it and tries
	 * again whenever a grant moved it.
	 */
	private Api.Response cutCapacity(UUID deal, String capacity, Map<String, String> ifMatch) {
		Api.Response answer = this.api.patch("/api/v1/deals/" + deal, Scenario.OPERATIONS,
				Map.of("capacity", capacity, "reason", "allocation cut"), ifMatch);
		while (answer.status() == 412) {
			Api.Response read = this.api.get("/api/v1/deals/" + deal, Scenario.OPERATIONS);
			answer = this.api.patch("/api/v1/deals/" + deal, Scenario.OPERATIONS,
					Map.of("capacity", capacity, "reason", "allocation cut"), read.ifMatch());
		}
		return answer;
	}

}
