package dev.vestline.approval.web;

import java.util.UUID;

import dev.vestline.approval.support.Api;
import dev.vestline.approval.support.ApprovalApiTest;
import dev.vestline.approval.support.Scenario;
import dev.vestline.testharness.WebContractTests;
import org.jspecify.annotations.Nullable;

/**
 * The web kit's table of bad requests, sent to the approval service: a deal's change
 * takes {@code If-Match}, creating a deal reads JSON.
 */
class ApprovalWebContractIntegrationTests extends ApprovalApiTest implements WebContractTests {

	private @Nullable UUID deal;

	@Override
	public Routes webContractRoutes() {
		if (this.deal == null) {
			this.deal = this.scenario.deal("1000.00");
		}
		return new Routes(this.port, Scenario.OPERATIONS, Api.token("nina", "nobody"),
				new Operation("PATCH", "/api/v1/deals/" + this.deal, "{\"name\":\"Renamed\"}"),
				new Operation("POST", "/api/v1/deals",
						"{\"vehicleId\":\"" + UUID.randomUUID()
								+ "\",\"name\":\"D\",\"currency\":\"EUR\",\"capacity\":\"10.00\"}"),
				"{\"name\":\"\",\"currency\":\"euro\",\"capacity\":\"-1\"}", "/api/v1/deals",
				"/api/v1/deals/" + this.deal + "/nothing-here");
	}

}
