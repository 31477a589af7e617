package dev.vestline.billing.web;

import java.util.Map;
import java.util.UUID;

import dev.vestline.billing.BillingIntegrationTest;
import dev.vestline.testharness.WebContractTests;
import org.jspecify.annotations.Nullable;

/**
 * The web kit's table of bad requests, sent to the billing service: replacing a fee
 * schedule takes {@code If-Match}, creating one reads JSON.
 */
class BillingWebContractIntegrationTests extends BillingIntegrationTest implements WebContractTests {

	private static @Nullable UUID vehicle;

	@Override
	public Routes webContractRoutes() {
		if (vehicle == null) {
			UUID created = UUID.randomUUID();
			post("/api/v1/fee-schedules", Map.of("vehicleId", created, "currency", "EUR", "subscriptionFeeBps", 100,
					"managementFeeBps", 150));
			vehicle = created;
		}
		String schedule = "{\"currency\":\"EUR\",\"subscriptionFeeBps\":120,\"managementFeeBps\":150}";
		return new Routes(this.port, TOKENS.token("bea", "billing"), TOKENS.token("nina", "nobody"),
				new Operation("PUT", "/api/v1/fee-schedules/" + vehicle, schedule),
				new Operation("POST", "/api/v1/fee-schedules",
						"{\"vehicleId\":\"" + UUID.randomUUID() + "\"," + schedule.substring(1)),
				"{\"vehicleId\":\"" + UUID.randomUUID() + "\",\"currency\":\"euro\",\"subscriptionFeeBps\":-1}",
				"/api/v1/fee-schedules/" + vehicle, "/api/v1/fee-schedules/" + vehicle + "/nothing-here");
	}

}
