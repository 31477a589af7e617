package dev.vestline.approval.deals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vestline.approval.support.Api;
import dev.vestline.approval.support.ApprovalApiTest;
import dev.vestline.approval.support.Scenario;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deals through the API: listing, renaming and changing capacity, with the errors a
 * client meets.
 */
class DealApiIntegrationTests extends ApprovalApiTest {

	static final String APPROVER = Api.token("ann", "approver");

	@Test
	void changesCapacityAndNameWithIfMatchAndKeepsWhoChangedWhatAndWhy() {
		UUID deal = this.scenario.deal("1000.00");
		Api.Response read = this.api.get("/api/v1/deals/" + deal, Scenario.OPERATIONS);

		Api.Response changed = this.api.patch("/api/v1/deals/" + deal, Scenario.OPERATIONS,
				Map.of("capacity", "1500.00", "reason", "second close"), read.ifMatch());
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.etag()).isEqualTo("\"1\"");
		assertThat(changed.json().path("capacity").path("amount").asString()).isEqualTo("1500.00");
		assertThat(changed.json().path("available").path("amount").asString()).isEqualTo("1500.00");
		assertThat(changed.text("name")).isEqualTo("Fund IV");

		Api.Response renamed = this.api.patch("/api/v1/deals/" + deal, Scenario.OPERATIONS,
				Map.of("name", "  Fund IV (second close)  "), changed.ifMatch());
		assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
		assertThat(renamed.text("name")).isEqualTo("Fund IV (second close)");
		assertThat(this.api.get("/api/v1/deals/" + deal, APPROVER).etag()).isEqualTo("\"2\"");

		JsonNode changes = this.api.get("/api/v1/deals/" + deal + "/changes", APPROVER).json();
		assertThat(changes).hasSize(2);
		assertThat(changes.get(0).path("version").asLong()).isEqualTo(1);
		assertThat(changes.get(0).path("changedBy").asString()).isEqualTo("olga");
		assertThat(changes.get(0).path("capacityBefore").path("amount").asString()).isEqualTo("1000.00");
		assertThat(changes.get(0).path("capacityAfter").path("amount").asString()).isEqualTo("1500.00");
		assertThat(changes.get(0).path("reason").asString()).isEqualTo("second close");
		assertThat(changes.get(1).path("nameBefore").asString()).isEqualTo("Fund IV");
		assertThat(changes.get(1).path("nameAfter").asString()).isEqualTo("Fund IV (second close)");
		assertThat(changes.get(1).path("capacityAfter").path("amount").asString()).isEqualTo("1500.00");
	}

	@Test
	void refusesACapacityBelowWhatGrantedSubscriptionsHoldAndChangesNothing() {
		UUID deal = this.scenario.deal("1000.00");
		this.scenario.grantedSubscription(deal, "held", "600.00");
		Api.Response read = this.api.get("/api/v1/deals/" + deal, Scenario.OPERATIONS);

		Api.Response refused = this.api.patch("/api/v1/deals/" + deal, Scenario.OPERATIONS,
				Map.of("capacity", "599.99"), read.ifMatch());
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.text("type")).endsWith("/capacity-below-reserved");
		assertThat(refused.text("reserved")).isEqualTo("600.00");
		assertThat(this.api.get("/api/v1/deals/" + deal, Scenario.OPERATIONS).etag()).isEqualTo(read.etag());

		Api.Response exact = this.api.patch("/api/v1/deals/" + deal, Scenario.OPERATIONS, Map.of("capacity", "600.00"),
				read.ifMatch());
		assertThat(exact.status()).as(exact.toString()).isEqualTo(200);
		assertThat(exact.json().path("available").path("amount").asString()).isEqualTo("0.00");
		assertThat(this.api.get("/api/v1/deals/" + deal + "/changes", Scenario.OPERATIONS).json()).hasSize(1);
	}

	@Test
	void answersStaleMissingAndMalformedRequestsWithProblems() {
		UUID deal = this.scenario.deal("1000.00");
		String path = "/api/v1/deals/" + deal;

		Api.Response missing = this.api.patch(path, Scenario.OPERATIONS, Map.of("capacity", "900.00"), Map.of());
		assertThat(missing.status()).as(missing.toString()).isEqualTo(428);
		Api.Response stale = this.api.patch(path, Scenario.OPERATIONS, Map.of("capacity", "900.00"),
				Map.of("If-Match", "\"7\""));
		assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
		assertThat(stale.json().path("currentVersion").asLong()).isZero();

		Map<String, String> current = Map.of("If-Match", "\"0\"");
		assertThat(this.api.patch(path, Scenario.OPERATIONS, Map.of(), current).status()).isEqualTo(400);
		assertThat(this.api.patch(path, Scenario.OPERATIONS, Map.of("name", "   "), current).status()).isEqualTo(400);
		assertThat(this.api.patch(path, Scenario.OPERATIONS, Map.of("capacity", "0.00"), current).status())
			.isEqualTo(400);
		assertThat(this.api.patch(path, Scenario.OPERATIONS, Map.of("capacity", "10.001"), current).status())
			.isEqualTo(400);
		Api.Response currency = this.api.patch(path, Scenario.OPERATIONS, Map.of("currency", "USD"), current);
		assertThat(currency.status()).as(currency.toString()).isEqualTo(400);
		assertThat(currency.json().path("errors").get(0).path("field").asString()).isEqualTo("currency");
		assertThat(this.api
			.patch("/api/v1/deals/" + UUID.randomUUID(), Scenario.OPERATIONS, Map.of("capacity", "900.00"), current)
			.status()).isEqualTo(404);
		assertThat(this.api.patch(path, APPROVER, Map.of("capacity", "900.00"), current).status()).isEqualTo(403);

		// nothing above changed the deal
		Api.Response after = this.api.get(path, Scenario.OPERATIONS);
		assertThat(after.etag()).isEqualTo("\"0\"");
		assertThat(after.json().path("capacity").path("amount").asString()).isEqualTo("1000.00");
		assertThat(this.api.get(path + "/changes", Scenario.OPERATIONS).json()).isEmpty();
	}

	@Test
	void listsDealsNewestFirstPageByPageFilteredByVehicle() {
		UUID vehicle = UUID.randomUUID();
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Api.Response deal = this.api.post("/api/v1/deals", Scenario.OPERATIONS,
					Map.of("vehicleId", vehicle, "name", "Tranche " + i, "currency", "EUR", "capacity", "100.00"));
			created.add(0, deal.text("id"));
		}
		this.scenario.deal("100.00");

		List<String> listed = new ArrayList<>();
		String next = null;
		int pages = 0;
		do {
			Api.Response page = this.api.get(
					"/api/v1/deals?vehicleId=" + vehicle + "&limit=2" + ((next != null) ? "&after=" + next : ""),
					APPROVER);
			assertThat(page.status()).as(page.toString()).isEqualTo(200);
			page.json().path("items").forEach((item) -> listed.add(item.path("id").asString()));
			next = page.json().path("next").isMissingNode() || page.json().path("next").isNull() ? null
					: page.json().path("next").asString();
			pages++;
		}
		while (next != null);

		assertThat(listed).containsExactlyElementsOf(created);
		assertThat(pages).isEqualTo(3);
		assertThat(this.api.get("/api/v1/deals?limit=0", APPROVER).status()).isEqualTo(400);
		assertThat(this.api.get("/api/v1/deals?limit=101", APPROVER).status()).isEqualTo(400);
		assertThat(this.api.get("/api/v1/deals", Api.token("ivan", "investor")).status()).isEqualTo(403);
	}

}
