package dev.vestline.approval.approvals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.vestline.approval.support.Api;
import dev.vestline.approval.support.ApprovalApiTest;
import dev.vestline.approval.support.Scenario;

import static dev.vestline.approval.support.Scenario.OPERATIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list API's filters over HTTP: by kind, by how long an approval has waited
 * ({@code requestedBefore}), together with the deal, through keyset pages, and refusals
 * of values that are not a kind or an instant.
 */
class ApprovalListFiltersIntegrationTests extends ApprovalApiTest {

	@Test
	void listsOnlyApprovalsOfTheKindAsked() {
		UUID deal = this.scenario.deal("1000000.00");
		this.scenario.request(Scenario.interest(deal, "kind-interest"));
		this.scenario.request(Scenario.subscription(deal, "kind-subscription", "10.00"));

		assertThat(investors("dealId=" + deal + "&kind=DEAL_INTEREST")).containsExactly("kind-interest");
		assertThat(investors("dealId=" + deal + "&kind=SUBSCRIPTION")).containsExactly("kind-subscription");
		assertThat(investors("dealId=" + deal)).containsExactly("kind-subscription", "kind-interest");
	}

	@Test
	void listsOnlyApprovalsRequestedBeforeTheInstantAsked() {
		UUID deal = this.scenario.deal("1000000.00");
		List<Instant> requestedAt = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			requestedAt
				.add(Instant.parse(this.scenario.request(Scenario.interest(deal, "age-" + i)).text("requestedAt")));
		}

		assertThat(investors("dealId=" + deal + "&requestedBefore=" + encoded(requestedAt.get(2))))
			.as("strictly before: the approval requested at that instant is not listed")
			.containsExactly("age-1", "age-0");
		assertThat(investors("dealId=" + deal + "&requestedBefore=" + encoded(requestedAt.get(1))))
			.containsExactly("age-0");
		assertThat(investors("dealId=" + deal + "&requestedBefore=" + encoded(requestedAt.get(0)))).isEmpty();
		assertThat(investors("dealId=" + deal + "&requestedBefore=" + encoded(Instant.parse("2100-01-01T00:00:00Z"))))
			.containsExactly("age-2", "age-1", "age-0");
	}

	@Test
	void combinesDealKindAgeAndStatus() {
		UUID deal = this.scenario.deal("1000000.00");
		UUID otherDeal = this.scenario.deal("1000000.00");
		this.scenario.request(Scenario.subscription(deal, "mix-old-subscription", "10.00"));
		this.scenario.request(Scenario.interest(deal, "mix-old-interest"));
		this.scenario.request(Scenario.subscription(otherDeal, "mix-other-deal", "10.00"));
		this.scenario.grantedSubscription(deal, "mix-granted", "10.00");
		Api.Response young = this.scenario.request(Scenario.subscription(deal, "mix-young-subscription", "10.00"));
		String before = encoded(Instant.parse(young.text("requestedAt")));

		assertThat(investors("dealId=" + deal + "&kind=SUBSCRIPTION&status=PENDING&requestedBefore=" + before))
			.containsExactly("mix-old-subscription");
		assertThat(investors("dealId=" + deal + "&kind=SUBSCRIPTION&requestedBefore=" + before))
			.containsExactly("mix-granted", "mix-old-subscription");
	}

	@Test
	void pagesThroughFilteredApprovalsByKeysetWithoutSkippingOrRepeating() {
		UUID deal = this.scenario.deal("1000000.00");
		for (int i = 0; i < 5; i++) {
			this.scenario.request(Scenario.subscription(deal, "paged-subscription-" + i, "10.00"));
			this.scenario.request(Scenario.interest(deal, "paged-interest-" + i));
		}
		Api.Response last = this.scenario.request(Scenario.subscription(deal, "paged-too-young", "10.00"));
		String filters = "dealId=" + deal + "&kind=SUBSCRIPTION&status=PENDING&requestedBefore="
				+ encoded(Instant.parse(last.text("requestedAt"))) + "&limit=2";

		Api.Response page1 = this.api.get("/api/v1/approvals?" + filters, OPERATIONS);
		Api.Response page2 = this.api.get("/api/v1/approvals?" + filters + "&after=" + page1.text("next"), OPERATIONS);
		Api.Response page3 = this.api.get("/api/v1/approvals?" + filters + "&after=" + page2.text("next"), OPERATIONS);

		assertThat(page1.json().path("items").findValuesAsString("investorId")).containsExactly("paged-subscription-4",
				"paged-subscription-3");
		assertThat(page2.json().path("items").findValuesAsString("investorId")).containsExactly("paged-subscription-2",
				"paged-subscription-1");
		assertThat(page3.json().path("items").findValuesAsString("investorId")).containsExactly("paged-subscription-0");
		assertThat(page3.json().path("next").isNull()).isTrue();
	}

	@Test
	void listsOnlyTheApprovalsTheCallerMayDecideNowWhenAsked() {
		UUID deal = this.scenario.deal("1000000.00");
		// every request here is olga's (operations): she may decide none of them
		this.scenario.request(Scenario.subscription(deal, "mine-a", "10.00"));
		this.scenario.approve(this.scenario.request(Scenario.subscription(deal, "mine-b", "10.00")), "carla",
				"compliance");
		this.scenario.approve(this.scenario.request(Scenario.subscription(deal, "mine-c", "10.00")), "cora",
				"compliance");
		this.scenario.request(Scenario.subscription(deal, "carla", "10.00"));
		String mine = "dealId=" + deal + "&decidableByMe=true";

		assertThat(investors("dealId=" + deal, OPERATIONS)).containsExactly("carla", "mine-c", "mine-b", "mine-a");
		assertThat(investors(mine, Api.token("carla", "compliance"))).as("her role's step, not her own investment")
			.containsExactly("mine-a");
		assertThat(investors(mine, Api.token("otto", "operations"))).containsExactly("mine-c", "mine-b");
		assertThat(investors(mine, OPERATIONS)).as("not her own requests").isEmpty();
		assertThat(investors(mine, Api.token("cora", "compliance", "operations")))
			.as("not the approval she decided a step of (four eyes)")
			.containsExactly("carla", "mine-b", "mine-a");
		assertThat(investors(mine + "&kind=DEAL_INTEREST", Api.token("cora", "compliance", "operations"))).isEmpty();
	}

	@Test
	void refusesAKindOrAnInstantItCannotReadNamingTheField() {
		for (String query : List.of("kind=LOAN", "kind=subscription", "requestedBefore=yesterday",
				"requestedBefore=2026-13-01T00:00:00Z", "requestedBefore=2026-01-01", "decidableByMe=maybe")) {
			Api.Response refused = this.api.get("/api/v1/approvals?" + query, OPERATIONS);
			String field = query.substring(0, query.indexOf('='));

			assertThat(refused.status()).as(query).isEqualTo(400);
			assertThat(refused.json().path("errors").get(0).path("field").asString()).as(query).isEqualTo(field);
		}
	}

	private List<String> investors(String query) {
		return investors(query, OPERATIONS);
	}

	private List<String> investors(String query, String token) {
		Api.Response page = this.api.get("/api/v1/approvals?" + query, token);
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		return page.json().path("items").findValuesAsString("investorId");
	}

	private static String encoded(Instant instant) {
		return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
	}

}
