package dev.vestline.console.reconciliation;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.vestline.console.support.ArrangeReconciliation;
import dev.vestline.console.support.ConsoleTest;
import dev.vestline.console.support.SignedIn;
import dev.vestline.testharness.Race;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconciliation desk over real HTTP: a person signed in through the identity
 * provider, the console calling a real reconciliation-service (its jar, on real
 * PostgreSQL and Kafka, expecting money from a real {@code SigningWorkflowCompleted}
 * record) with that person's token.
 */
class ReconciliationIntegrationTests extends ConsoleTest {

	@Test
	void showsWhatAStatementBroughtNewDuplicateOrRejectedAndWhy() {
		ArrangeReconciliation bank = backends().arrangeReconciliation();
		String account = "DE" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
		SignedIn oscar = SignedIn.as("oscar", backends());
		String desk = oscar.get("/reconciliation").body();
		oscar.upload(desk, "/reconciliation/statements", "statement", "first.csv", "text/csv",
				csv(account + ",A-1,2026-11-20,100.00,EUR,Alice,one", account + ",A-2,2026-11-20,200.00,EUR,Bob,two"));

		HttpResponse<String> second = oscar.upload(desk, "/reconciliation/statements", "statement", "second.csv",
				"text/csv",
				csv(account + ",A-1,2026-11-20,100.00,EUR,Alice,one", account + ",A-2,2026-11-20,999.00,EUR,Bob,two",
						account + ",A-3,2026-11-21,300.00,EUR,Cy,three"));

		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.body()).contains("Statement read", "second.csv", "<strong>1</strong> new",
				"<strong>1</strong> already imported before (duplicate)", "<strong>1</strong> rejected", "Duplicate",
				"imported before", "Rejected",
				"this bank reference was imported before with 200.00 EUR booked 2026-11-20");
	}

	@Test
	void saysWhyAFileWasRefusedAndThatNothingOfItWasImported() {
		backends().arrangeReconciliation();
		SignedIn oscar = SignedIn.as("oscar", backends());
		String account = "DE" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);

		HttpResponse<String> refused = oscar.upload(oscar.get("/reconciliation").body(), "/reconciliation/statements",
				"statement", "broken.csv", "text/csv",
				csv(account + ",B-1,2026-11-20,100.00,EUR,Alice,one", account + ",B-2,2026-11-20,1e400,EUR,Bob,two"));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("The file was not imported", "Malformed bank statement", "line 3", "amount",
				"Nothing of the file was imported");
		assertThat(oscar.get("/reconciliation").body()).doesNotContain(account.substring(2, 12));

		HttpResponse<String> noFile = oscar.upload(oscar.get("/reconciliation").body(), "/reconciliation/statements",
				"statement", "", "application/octet-stream", new byte[0]);
		assertThat(noFile.statusCode()).isEqualTo(400);
		assertThat(noFile.body()).contains("The file was not imported", "Choose a camt.053 (.xml) or CSV (.csv) file");
	}

	@Test
	void acceptsASuggestionAsThePersonAndShowsThePositionItMade() {
		ArrangeReconciliation bank = backends().arrangeReconciliation();
		String investor = "inv-" + UUID.randomUUID().toString().substring(0, 8);
		UUID vehicle = UUID.randomUUID();
		bank.subscriptionSigned(investor, vehicle, "1500.00");
		SignedIn oscar = SignedIn.as("oscar", backends());
		UUID line = uploaded(oscar, ArrangeReconciliation.credit(investor, "1500.00", "Subscription " + investor));
		UUID match = bank.suggestionFor(line);

		String page = oscar.get("/reconciliation/lines/" + line).body();
		HttpResponse<String> accepted = oscar.submit(page, "/reconciliation/matches/" + match + "/accept",
				Map.of("etag", etagOf(page, match)));

		assertThat(page).contains("1,500.00 EUR", investor, "subscription", "Accept<span");
		assertThat(accepted.statusCode()).isEqualTo(200);
		assertThat(accepted.body()).contains("You accepted the match", "Accepted by oscar",
				"1,500.00 EUR of 1,500.00 EUR funded, fully funded");
		assertThat(bank.match(match).path("decidedBy").asString()).as("the service recorded the person")
			.isEqualTo("oscar");
		String position = oscar.get("/reconciliation/positions/" + investor + "/" + vehicle).body();
		assertThat(position).contains("<strong>1500", "1,500.00 EUR", "Funding", "oscar");
		assertThat(oscar.get("/reconciliation/positions?investor=" + investor).body()).contains(vehicle.toString());
	}

	@Test
	void reversesAnAcceptedMatchOnlyWithAReason() {
		ArrangeReconciliation bank = backends().arrangeReconciliation();
		String investor = "inv-" + UUID.randomUUID().toString().substring(0, 8);
		UUID vehicle = UUID.randomUUID();
		bank.subscriptionSigned(investor, vehicle, "700.00");
		SignedIn oscar = SignedIn.as("oscar", backends());
		UUID match = bank.suggestionFor(uploaded(oscar, ArrangeReconciliation.credit(investor, "700.00", investor)));
		String page = oscar.get("/reconciliation/matches/" + match).body();
		assertThat(page).as("why it was proposed, in words")
			.contains("the line names the investor and pays exactly what is outstanding")
			.doesNotContain("INVESTOR_AMOUNT");
		page = oscar
			.submit(page, "/reconciliation/matches/" + match + "/accept", Map.of("etag", SignedIn.field(page, "etag")))
			.body();

		HttpResponse<String> noReason = oscar.submit(page, "/reconciliation/matches/" + match + "/reverse",
				Map.of("etag", SignedIn.field(page, "etag"), "reason", " "));
		HttpResponse<String> reversed = oscar.submit(page, "/reconciliation/matches/" + match + "/reverse",
				Map.of("etag", SignedIn.field(page, "etag"), "reason", "paid twice by the bank"));

		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("is required to reverse", "aria-invalid=\"true\"");
		assertThat(reversed.statusCode()).isEqualTo(200);
		assertThat(reversed.body()).contains("You reversed the match", "Reversed by oscar", "paid twice by the bank");
		assertThat(bank.match(match).path("status").asString()).isEqualTo("REVERSED");
		assertThat(oscar.get("/reconciliation/positions/" + investor + "/" + vehicle).body()).contains("Reversal",
				"<strong>0");
	}

	@Test
	void tellsThePersonWhoLostTheRaceForALineWhoAcceptedItEveryTime() {
		ArrangeReconciliation bank = backends().arrangeReconciliation();
		SignedIn oscar = SignedIn.as("oscar", backends());
		SignedIn olga = SignedIn.as("olga", backends());
		List<SignedIn> people = List.of(oscar, olga);
		for (int round = 0; round < 5; round++) {
			String investor = "racer-" + round + "-" + UUID.randomUUID().toString().substring(0, 8);
			UUID vehicle = UUID.randomUUID();
			bank.subscriptionSigned(investor, vehicle, "1000.00");
			UUID match = bank
				.suggestionFor(uploaded(oscar, ArrangeReconciliation.credit(investor, "1000.00", investor)));
			List<String> pages = people.stream()
				.map((person) -> person.get("/reconciliation/matches/" + match).body())
				.toList();

			List<HttpResponse<String>> answers = Race.run(2,
					(i) -> people.get(i)
						.submit(pages.get(i), "/reconciliation/matches/" + match + "/accept",
								Map.of("etag", SignedIn.field(pages.get(i), "etag"))));

			String winner = bank.match(match).path("decidedBy").asString();
			assertThat(answers).extracting(HttpResponse::statusCode)
				.as("round %d: one acceptance counts, the other is told (409 lost race or 412 stale)", round)
				.containsOnlyOnce(200)
				.hasSize(2)
				.allMatch((status) -> status == 200 || status == 409 || status == 412);
			HttpResponse<String> lost = answers.stream()
				.filter((answer) -> answer.statusCode() != 200)
				.findFirst()
				.orElseThrow();
			assertThat(lost.body())
				.contains("<strong>" + winner + "</strong> <span>accepted it at", "Your decision was not recorded",
						"Accepted by " + winner)
				.doesNotContain("id=\"accept\"");
			assertThat(new BigDecimal(bank.units(investor, vehicle))).as("booked once").isEqualByComparingTo("1000");
		}
	}

	@Test
	void matchesALineByHandAndSaysInWordsWhatTheServiceRefused() {
		ArrangeReconciliation bank = backends().arrangeReconciliation();
		String investor = "hand-" + UUID.randomUUID().toString().substring(0, 8);
		UUID subscription = bank.subscriptionSigned(investor, UUID.randomUUID(), "900.00");
		SignedIn oscar = SignedIn.as("oscar", backends());
		UUID line = uploaded(oscar, ArrangeReconciliation.credit("Someone Else", "900.00", "no name here"));
		String page = oscar.get("/reconciliation/lines/" + line).body();

		HttpResponse<String> notAnId = oscar.submit(page, "/reconciliation/matches",
				Map.of("line", line.toString(), "target", "subscription", "targetId", "last week's"));
		HttpResponse<String> unknown = oscar.submit(page, "/reconciliation/matches",
				Map.of("line", line.toString(), "target", "subscription", "targetId", UUID.randomUUID().toString()));
		HttpResponse<String> matched = oscar.submit(page, "/reconciliation/matches",
				Map.of("line", line.toString(), "target", "subscription", "targetId", subscription.toString()));

		assertThat(page).contains("nothing expected fits", "Match by hand");
		assertThat(notAnId.statusCode()).isEqualTo(400);
		assertThat(notAnId.body()).contains("targetId", "is not an id", "No match was made");
		assertThat(unknown.statusCode()).isEqualTo(422);
		assertThat(unknown.body()).contains("No match was made");
		assertThat(matched.statusCode()).isEqualTo(200);
		assertThat(matched.body()).contains("Suggested by oscar", "subscription " + subscription, "Accept the match");
	}

	@Test
	void showsAPersonWithoutOperationsAForbiddenPageInWordsAndNoReconciliationInTheNavigation() {
		backends().arrangeReconciliation();
		SignedIn bianca = SignedIn.as("bianca", backends());

		HttpResponse<String> forbidden = bianca.get("/reconciliation");
		HttpResponse<String> carlas = SignedIn.as("carla", backends()).get("/approvals");

		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).contains("This is not for your roles", "billing",
				"Reconciliation</span> area is for people with the role", "<strong>operations</strong>");
		assertThat(carlas.body()).doesNotContain("href=\"/reconciliation\"");
	}

	@Test
	void saysInWordsThatAnInvestorHoldsNoPosition() {
		backends().arrangeReconciliation();

		String page = SignedIn.as("oscar", backends()).get("/reconciliation/positions?investor=nobody-at-all").body();

		assertThat(page).contains("nobody-at-all</span> holds no position");
	}

	static byte[] csv(String... rows) {
		return (ArrangeReconciliation.CSV_HEADER + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
	}

	/** Uploads a one-line statement through the desk and answers the new line's id. */
	static UUID uploaded(SignedIn person, String statement) {
		HttpResponse<String> result = person.upload(person.get("/reconciliation").body(), "/reconciliation/statements",
				"statement", "statement.csv", "text/csv", statement.getBytes(StandardCharsets.UTF_8));
		Matcher line = Pattern.compile("href=\"/reconciliation/lines/([0-9a-f-]{36})\"").matcher(result.body());
		assertThat(line.find()).as(result.body()).isTrue();
		return UUID.fromString(line.group(1));
	}

	/** The ETag a page rendered with the match's accept button. */
	static String etagOf(String page, UUID match) {
		int form = page.indexOf("action=\"/reconciliation/matches/" + match + "/accept\"");
		assertThat(form).as("an accept button for " + match).isNotNegative();
		return SignedIn.field(page.substring(form), "etag");
	}

}
