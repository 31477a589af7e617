package dev.vestline.reconciliation.web;

import java.util.UUID;

import dev.vestline.reconciliation.Api;
import dev.vestline.reconciliation.Scenario;
import dev.vestline.reconciliation.ServiceIntegrationTest;
import dev.vestline.testharness.WebContractTests;
import org.jspecify.annotations.Nullable;

/**
 * The web kit's table of bad requests, sent to the reconciliation service: deciding a
 * match takes {@code If-Match}, matching by hand reads JSON.
 */
class ReconciliationWebContractIntegrationTests extends ServiceIntegrationTest implements WebContractTests {

	private static @Nullable UUID match;

	@Override
	public Routes webContractRoutes() {
		if (match == null) {
			String investor = Scenario.unique("contract");
			this.scenario.expectSubscription(investor, Scenario.newId(), "30.00");
			match = this.scenario.suggestionFor(this.scenario.credit(investor, "30.00", investor));
		}
		return new Routes(this.port, Scenario.OPERATOR, Api.token("nina", "nobody"),
				new Operation("POST", "/api/v1/matches/" + match + "/reject", "{\"reason\":\"not ours\"}"),
				new Operation("POST", "/api/v1/matches",
						"{\"bankTransactionId\":\"" + UUID.randomUUID() + "\",\"subscriptionId\":\"" + UUID.randomUUID()
								+ "\"}"),
				"{\"subscriptionId\":\"" + UUID.randomUUID() + "\"}", "/api/v1/matches",
				"/api/v1/matches/" + match + "/nothing-here");
	}

}
