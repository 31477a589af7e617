package dev.vestline.console.approvals;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.vestline.console.support.ConsoleTest;
import dev.vestline.console.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscription entered on an investor's behalf over real HTTP: requested as the person
 * who entered it (who then cannot decide it), once however often the form is sent, and
 * refused in words with the field marked.
 */
class SubscriptionRequestsIntegrationTests extends ConsoleTest {

	@Test
	void entersASubscriptionOnTheInvestorsBehalfOnceAndTheOneWhoEnteredItCannotDecideIt() {
		UUID deal = backends().arrange().deal("Entered Fund", "1000000");
		SignedIn carla = SignedIn.as("carla", backends());
		String form = carla.get("/approvals/new?deal=" + deal).body();
		Map<String, String> fields = fields(form, deal, "250,000.00", "ivo@investor.example.org");

		HttpResponse<String> entered = carla.submit(form, "/approvals", fields);
		HttpResponse<String> again = carla.submit(form, "/approvals", fields);

		assertThat(entered.statusCode()).isEqualTo(200);
		assertThat(entered.uri().getPath()).matches("/approvals/[0-9a-f-]{36}");
		assertThat(entered.body()).contains("The subscription is entered", "Subscription</span> of <span>ivo-",
				"250,000.00 EUR", "Pending at step <span>1</span> of <span>2</span>",
				SignedIn.field(form, "subscriptionId"));
		assertThat(again.uri()).as("the same form sent twice is one subscription").isEqualTo(entered.uri());
		String approval = entered.uri().getPath().substring("/approvals/".length());
		assertThat(backends().arrange().approval(UUID.fromString(approval)).path("requestedBy").asString())
			.isEqualTo("carla");

		HttpResponse<String> ownDecision = carla.submit(entered.body(), "/approvals/" + approval + "/decision",
				Map.of("etag", SignedIn.field(entered.body(), "etag"), "decision", "APPROVE"));

		assertThat(ownDecision.statusCode()).isEqualTo(403);
		assertThat(ownDecision.body()).contains("Your own request", "someone else must decide it (four eyes)");
	}

	@Test
	void refusesASubscriptionInWordsWithTheFieldMarked() {
		UUID deal = backends().arrange().deal("Refusing Fund", "1000000");
		SignedIn oscar = SignedIn.as("oscar", backends());
		String form = oscar.get("/approvals/new").body();

		HttpResponse<String> notANumber = oscar.submit(form, "/approvals",
				fields(form, deal, "a lot", "ivo@investor.example.org"));
		HttpResponse<String> noAddress = oscar.submit(form, "/approvals", fields(form, deal, "1000", "not an address"));
		HttpResponse<String> tooMuch = oscar.submit(form, "/approvals",
				fields(form, deal, "2000000", "ivo@investor.example.org"));

		assertThat(notANumber.statusCode()).isEqualTo(400);
		assertThat(notANumber.body()).contains("The subscription was not entered", "must be an amount such as")
			.containsPattern("id=\"request-amount\"[^>]*aria-invalid=\"true\"");
		assertThat(noAddress.statusCode()).isEqualTo(400);
		assertThat(noAddress.body()).containsPattern("id=\"request-investorEmail\"[^>]*aria-invalid=\"true\"")
			.doesNotContainPattern("id=\"request-amount\"[^>]*aria-invalid");
		assertThat(tooMuch.statusCode()).isEqualTo(422);
		assertThat(tooMuch.body()).contains("Amount exceeds the deal", "can never fit in the deal");
	}

	private static Map<String, String> fields(String form, UUID deal, String amount, String email) {
		Map<String, String> fields = new HashMap<>(
				Map.of("key", SignedIn.field(form, "key"), "subscriptionId", SignedIn.field(form, "subscriptionId"),
						"dealId", deal.toString(), "investorId", "ivo-" + UUID.randomUUID().toString().substring(0, 8),
						"investorName", "Ivo Investor", "investorEmail", email, "amount", amount));
		return fields;
	}

}
