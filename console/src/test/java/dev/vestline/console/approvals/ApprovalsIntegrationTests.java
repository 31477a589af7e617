package dev.vestline.console.approvals;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.vestline.console.support.ConsoleTest;
import dev.vestline.console.support.SignedIn;
import dev.vestline.testharness.Race;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approvals area over real HTTP: a person signed in through the identity provider,
 * the console calling a real approval-service (its jar, on real PostgreSQL and Kafka)
 * with that person's token.
 */
class ApprovalsIntegrationTests extends ConsoleTest {

	@Test
	void showsThePendingQueueWithTheDealsCapacityAndWhoseStepItIs() {
		UUID deal = backends().arrange().deal("Queue Fund I", "5000000");
		backends().arrange().subscription(deal, "ingrid", "250000");

		HttpResponse<String> queue = SignedIn.as("carla", backends()).get("/approvals?deal=" + deal);

		assertThat(queue.statusCode()).isEqualTo(200);
		assertThat(queue.body()).contains("Subscription", "ingrid", "Queue Fund I", "Yours to decide", "250,000.00 EUR")
			.contains("0.00 EUR</span> reserved of <span>5,000,000.00 EUR")
			.contains("<meter");
		assertThat(queue.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("form-action 'self' " + backends().issuer() + ";"));
		assertThat(queue.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("script-src 'self'")
				.contains("style-src 'self'")
				.doesNotContain("unsafe"));
	}

	@Test
	void pagesThroughTheQueueWithTheApisCursorAndGivesHtmxOnlyTheNextRows() {
		UUID deal = backends().arrange().deal("Paging Fund", "5000000");
		for (int i = 0; i < ApprovalsApi.PAGE + 1; i++) {
			backends().arrange().subscription(deal, "pager-" + i, "1000");
		}
		SignedIn carla = SignedIn.as("carla", backends());

		String first = carla.get("/approvals?deal=" + deal).body();
		String cursor = first.replaceAll("(?s).*href=\"/approvals\\?deal=[^&]+&amp;after=([^\"]+)\".*", "$1");
		String next = carla.getAsHtmx("/approvals?deal=" + deal + "&after=" + cursor).body();

		assertThat(first.split("class=\"card yours\"", -1)).hasSize(ApprovalsApi.PAGE + 1);
		assertThat(first).contains("Show older approvals").contains("pager-20").doesNotContain("pager-0<");
		assertThat(next).doesNotContain("<html", "<header").contains("pager-0").doesNotContain("Show older approvals");
		assertThat(next.split("class=\"card yours\"", -1)).hasSize(2);
	}

	@Test
	void filtersTheQueueByKindAndHowLongItWaitedAndKeepsTheChoiceInTheFormAndItsLinks() {
		UUID deal = backends().arrange().deal("Filter Fund", "5000000");
		backends().arrange().interest(deal, "filter-interest");
		UUID old = backends().arrange().subscription(deal, "filter-old", "1000");
		UUID young = backends().arrange().subscription(deal, "filter-young", "1000");
		SignedIn carla = SignedIn.as("carla", backends());
		CLOCK.stopAt(anHourAfterTheMiddleOf(old, young));
		try {
			String query = "deal=" + deal + "&kind=SUBSCRIPTION&waiting=HOUR";

			HttpResponse<String> queue = carla.get("/approvals?" + query);
			String shown = SignedIn.field(queue.body(), "shown");

			assertThat(queue.statusCode()).isEqualTo(200);
			assertThat(queue.body()).contains("filter-old", "requested <span>1 hour ago</span>")
				.doesNotContain("filter-young", "filter-interest")
				.contains("<option value=\"SUBSCRIPTION\" selected=\"selected\">Subscription</option>")
				.contains("<option value=\"HOUR\" selected=\"selected\">More than an hour</option>")
				.contains("<label for=\"kind\">Kind</label>", "<label for=\"waiting\">Waiting</label>")
				.contains("hx-get=\"/approvals/now?" + query.replace("&", "&amp;") + "\"");
			assertThat(carla.getAsHtmx("/approvals/now?" + query + "&shown=" + shown).statusCode())
				.as("the live refresh reads the same filtered page: nothing changed")
				.isEqualTo(204);
			HttpResponse<String> unfiltered = carla.getAsHtmx("/approvals/now?deal=" + deal + "&shown=" + shown);
			assertThat(unfiltered.statusCode()).as("without the filter the page differs").isEqualTo(200);
			assertThat(unfiltered.body()).contains("filter-old", "filter-young", "filter-interest");
			assertThat(carla.get("/approvals?deal=" + deal + "&kind=DEAL_INTEREST").body()).contains("filter-interest")
				.doesNotContain("filter-old", "filter-young");
			assertThat(carla.get("/approvals?deal=" + deal + "&waiting=DAY").body())
				.contains("Nothing that matches is waiting for a decision")
				.doesNotContain("filter-old", "filter-young", "filter-interest");
		}
		finally {
			CLOCK.run();
		}
	}

	@Test
	void pagesThroughAFilteredQueueWithTheFilterInTheShowOlderLink() {
		UUID deal = backends().arrange().deal("Filtered Paging Fund", "5000000");
		for (int i = 0; i < ApprovalsApi.PAGE + 1; i++) {
			backends().arrange().subscription(deal, "filtered-pager-" + i, "1000");
			if (i % 5 == 0) {
				backends().arrange().interest(deal, "filtered-interest-" + i);
			}
		}
		SignedIn carla = SignedIn.as("carla", backends());
		CLOCK.stopAt(Instant.now().plus(Duration.ofHours(2)));
		try {
			String first = carla.get("/approvals?deal=" + deal + "&kind=SUBSCRIPTION&waiting=HOUR").body();
			String more = first.replaceAll("(?s).*<a href=\"([^\"]+)\"[^>]*>Show older approvals.*", "$1")
				.replace("&amp;", "&");
			String next = carla.getAsHtmx(more).body();

			assertThat(more).startsWith("/approvals?deal=" + deal + "&kind=SUBSCRIPTION&waiting=HOUR&after=");
			assertThat(first.split("class=\"card yours\"", -1)).hasSize(ApprovalsApi.PAGE + 1);
			assertThat(first).contains("filtered-pager-20", "filtered-pager-1<").doesNotContain("filtered-interest");
			assertThat(next).contains("filtered-pager-0<")
				.doesNotContain("filtered-interest", "Show older approvals", "<header");
			assertThat(next.split("class=\"card yours\"", -1)).hasSize(2);
		}
		finally {
			CLOCK.run();
		}
	}

	@Test
	void showsOnlyTheApprovalsThePersonMayDecideWhenAskedAndKeepsTheChoice() {
		UUID deal = backends().arrange().deal("Mine Fund", "5000000");
		backends().arrange().subscription(deal, "mine-hers", "1000");
		UUID others = backends().arrange().subscription(deal, "mine-operations", "1000");
		backends().arrange().approve(others, "cleo", "compliance");
		backends().arrange().subscription(deal, "carla", "1000");
		SignedIn carla = SignedIn.as("carla", backends());

		String all = carla.get("/approvals?deal=" + deal).body();
		HttpResponse<String> mine = carla.get("/approvals?deal=" + deal + "&mine=true");

		assertThat(all).contains("mine-hers", "mine-operations", "Waiting for another role");
		assertThat(mine.statusCode()).isEqualTo(200);
		assertThat(mine.body()).as("not another role's step, not her own investment")
			.contains("mine-hers")
			.doesNotContain("mine-operations", ">carla</span> in")
			.contains("<option value=\"true\" selected=\"selected\">Only those I may decide</option>")
			.contains("hx-get=\"/approvals/now?deal=" + deal + "&amp;mine=true\"");
		assertThat(carla.get("/approvals?mine=maybe").statusCode()).isEqualTo(400);
	}

	@Test
	void refusesAKindOrAnAgeItDoesNotKnowInWordsNamingTheField() {
		SignedIn carla = SignedIn.as("carla", backends());

		HttpResponse<String> kind = carla.get("/approvals?kind=LOAN");
		HttpResponse<String> waiting = carla.get("/approvals?waiting=FOREVER");

		assertThat(kind.statusCode()).isEqualTo(400);
		assertThat(kind.body()).contains("<span>kind</span>", "<header");
		assertThat(waiting.statusCode()).isEqualTo(400);
		assertThat(waiting.body()).contains("<span>waiting</span>", "<header");
	}

	/**
	 * @return a moment an hour after the one between the two approvals' requests: the
	 * first has waited more than an hour then, the second not yet
	 */
	static Instant anHourAfterTheMiddleOf(UUID first, UUID second) {
		Instant one = Instant.parse(backends().arrange().approval(first).path("requestedAt").asString());
		Instant two = Instant.parse(backends().arrange().approval(second).path("requestedAt").asString());
		assertThat(two).as("requested one after the other").isAfter(one);
		return one.plus(Duration.between(one, two).dividedBy(2)).plus(Duration.ofHours(1));
	}

	@Test
	void decidesAsTheSignedInPersonWithTheirOwnToken() {
		UUID approval = backends().arrange()
			.subscription(backends().arrange().deal("Token Fund", "1000000"), "ingrid", "1000");
		SignedIn carla = SignedIn.as("carla", backends());
		String page = carla.get("/approvals/" + approval).body();

		HttpResponse<String> decided = carla.submit(page, "/approvals/" + approval + "/decision",
				Map.of("etag", SignedIn.field(page, "etag"), "decision", "APPROVE"));

		assertThat(decided.statusCode()).isEqualTo(200);
		assertThat(decided.body()).contains("You approved the step", "approved by <span>carla</span>",
				"waiting for <strong>operations</strong>");
		assertThat(backends().arrange().approval(approval).path("steps").get(0).path("approvedBy").asString())
			.as("the service recorded the person, not the console")
			.isEqualTo("carla");
	}

	@Test
	void explainsAStaleViewWithWhoDecidedAndTheCurrentState() {
		UUID approval = backends().arrange()
			.subscription(backends().arrange().deal("Stale Fund", "1000000"), "ingrid", "1000");
		SignedIn carla = SignedIn.as("carla", backends());
		String page = carla.get("/approvals/" + approval).body();
		backends().arrange().approve(approval, "cleo", "compliance");

		HttpResponse<String> overtaken = carla.submit(page, "/approvals/" + approval + "/decision",
				Map.of("etag", SignedIn.field(page, "etag"), "decision", "APPROVE"));

		assertThat(overtaken.statusCode()).isEqualTo(412);
		assertThat(overtaken.body()).contains("This page was out of date", "<strong>cleo</strong>", "approved step 1",
				"Your decision was not recorded", "waiting for <strong>operations</strong>");
		assertThat(backends().arrange().approval(approval).path("steps").get(1).path("approvedBy").isNull())
			.as("carla's decision did not count")
			.isTrue();
	}

	@Test
	void tellsThePersonWhoLostARaceForTheSameStepWhoWonEveryTime() {
		SignedIn carla = SignedIn.as("carla", backends());
		SignedIn cleo = SignedIn.as("cleo", backends());
		List<SignedIn> people = List.of(carla, cleo);
		UUID deal = backends().arrange().deal("Race Fund", "10000000");
		for (int round = 0; round < 5; round++) {
			// one open subscription per investor and deal: an investor per round
			UUID approval = backends().arrange().subscription(deal, "investor-" + round, "1000");
			List<String> pages = people.stream().map((person) -> person.get("/approvals/" + approval).body()).toList();

			List<HttpResponse<String>> answers = Race.run(2,
					(i) -> people.get(i)
						.submit(pages.get(i), "/approvals/" + approval + "/decision",
								Map.of("etag", SignedIn.field(pages.get(i), "etag"), "decision", "APPROVE")));

			String winner = backends().arrange().approval(approval).path("steps").get(0).path("approvedBy").asString();
			assertThat(answers).extracting(HttpResponse::statusCode)
				.as("round %d: one decision counts, the other is overtaken (409 lost race or 412 stale)", round)
				.containsOnlyOnce(200)
				.hasSize(2)
				.allMatch((status) -> status == 200 || status == 409 || status == 412);
			HttpResponse<String> lost = answers.stream()
				.filter((answer) -> answer.statusCode() != 200)
				.findFirst()
				.orElseThrow();
			assertThat(lost.body()).contains("<strong>" + winner + "</strong>", "approved step 1",
					"Your decision was not recorded", "waiting for <strong>operations</strong>");
		}
	}

	@Test
	void asksForAReasonToRejectInWords() {
		UUID approval = backends().arrange()
			.subscription(backends().arrange().deal("Reason Fund", "1000000"), "ingrid", "1000");
		SignedIn carla = SignedIn.as("carla", backends());
		String page = carla.get("/approvals/" + approval).body();

		HttpResponse<String> refused = carla.submit(page, "/approvals/" + approval + "/decision",
				Map.of("etag", SignedIn.field(page, "etag"), "decision", "REJECT", "reason", " "));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("reason", "is required to reject", "aria-invalid=\"true\"");
		assertThat(backends().arrange().approval(approval).path("status").asString()).isEqualTo("PENDING");
	}

	@Test
	void refusesADecisionWithoutTheFormsCsrfToken() {
		UUID approval = backends().arrange()
			.subscription(backends().arrange().deal("Csrf Fund", "1000000"), "ingrid", "1000");
		SignedIn carla = SignedIn.as("carla", backends());
		String page = carla.get("/approvals/" + approval).body();

		HttpResponse<String> refused = carla.post("/approvals/" + approval + "/decision",
				Map.of("etag", SignedIn.field(page, "etag"), "decision", "APPROVE"));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(backends().arrange().approval(approval).path("steps").get(0).path("approvedBy").isNull()).isTrue();
	}

	@Test
	void showsAPersonWithoutAnApprovalRoleAForbiddenPageInWordsAndNoApprovalsInTheNavigation() {
		SignedIn bianca = SignedIn.as("bianca", backends());

		HttpResponse<String> forbidden = bianca.get("/approvals");
		HttpResponse<String> home = bianca.get("/");

		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).contains("This is not for your roles", "<strong>bianca</strong>", "billing",
				"Approvals</span> area is for people with the role", "approver, compliance or operations");
		assertThat(home.uri().getPath()).as("the billing role's own area").isEqualTo("/billing/invoices");
		assertThat(home.body()).doesNotContain("href=\"/approvals\"");
	}

	@Test
	void saysInWordsThatAnApprovalDoesNotExist() {
		HttpResponse<String> missing = SignedIn.as("carla", backends()).get("/approvals/" + UUID.randomUUID());

		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("Not found", "There is no approval");
	}

}
