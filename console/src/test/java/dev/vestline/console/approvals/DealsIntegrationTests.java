package dev.vestline.console.approvals;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.vestline.console.support.ConsoleTest;
import dev.vestline.console.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deals over real HTTP: created by operations, capacity changed with a reason, and what
 * stops either, in words.
 */
class DealsIntegrationTests extends ConsoleTest {

	@Test
	void changesTheCapacityWithAReasonAndShowsItInTheDealsHistory() {
		UUID deal = backends().arrange().deal("Change Fund", "1000000");
		SignedIn oscar = SignedIn.as("oscar", backends());
		String page = oscar.get("/deals/" + deal).body();

		HttpResponse<String> changed = oscar.submit(page, "/deals/" + deal + "/capacity", Map.of("etag",
				SignedIn.field(page, "etag"), "capacity", "2500000", "reason", "second close approved by the board"));

		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(changed.body()).contains("The capacity is changed", "<td>oscar</td>",
				"1,000,000.00 EUR</span> → <span>2,500,000.00 EUR", "second close approved by the board");
	}

	@Test
	void explainsAStaleViewAndChangesNothing() {
		UUID deal = backends().arrange().deal("Stale Deal Fund", "1000000");
		SignedIn oscar = SignedIn.as("oscar", backends());
		String page = oscar.get("/deals/" + deal).body();
		String fresh = oscar.get("/deals/" + deal).body();
		oscar.submit(fresh, "/deals/" + deal + "/capacity",
				Map.of("etag", SignedIn.field(fresh, "etag"), "capacity", "1200000", "reason", "first"));

		HttpResponse<String> stale = oscar.submit(page, "/deals/" + deal + "/capacity",
				Map.of("etag", SignedIn.field(page, "etag"), "capacity", "900000", "reason", "from an old page"));

		assertThat(stale.statusCode()).isEqualTo(412);
		assertThat(stale.body()).contains("This page was out of date", "Your change was not made",
				"reserved of <span>1,200,000.00 EUR");
	}

	@Test
	void refusesACapacityBelowWhatIsReservedInWords() {
		UUID deal = backends().arrange().deal("Reserved Fund", "1000000");
		UUID granted = backends().arrange().subscription(deal, "gina", "600000");
		backends().arrange().approve(granted, "cleo", "compliance");
		backends().arrange().approve(granted, "carla", "operations");
		SignedIn oscar = SignedIn.as("oscar", backends());
		String page = oscar.get("/deals/" + deal).body();

		HttpResponse<String> refused = oscar.submit(page, "/deals/" + deal + "/capacity",
				Map.of("etag", SignedIn.field(page, "etag"), "capacity", "500000", "reason", "shrink"));

		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("Capacity below what is reserved",
				"Granted subscriptions hold 600000.00 EUR", "aria-invalid=\"true\"");
	}

	@Test
	void showsTheDealButNoChangeFormToARoleThatCannotChangeIt() {
		UUID deal = backends().arrange().deal("Read Only Fund", "1000000");

		HttpResponse<String> page = SignedIn.as("carla", backends()).get("/deals/" + deal);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Read Only Fund", "Not changed since it was created")
			.doesNotContain("Change the capacity");
	}

	@Test
	void operationsCreatesADealOfANewVehicleOnceHoweverOftenTheFormIsSent() {
		SignedIn oscar = SignedIn.as("oscar", backends());
		assertThat(oscar.get("/deals").body()).contains("Create a deal");
		String form = oscar.get("/deals/new").body();
		String vehicle = SignedIn.field(form, "vehicleId");
		Map<String, String> fields = Map.of("key", SignedIn.field(form, "key"), "vehicleId", vehicle, "name",
				"Created Fund I", "currency", "EUR", "capacity", "2,000,000.00");

		HttpResponse<String> created = oscar.submit(form, "/deals", fields);
		HttpResponse<String> again = oscar.submit(form, "/deals", fields);

		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(created.uri().getPath()).matches("/deals/[0-9a-f-]{36}");
		assertThat(created.body()).contains("The deal is created", "Created Fund I", vehicle,
				"0.00 EUR</span> reserved of <span>2,000,000.00 EUR", "Not changed since it was created");
		assertThat(again.uri()).as("the same form sent twice is one deal").isEqualTo(created.uri());
	}

	@Test
	void refusesANewDealInWordsWithTheFieldMarked() {
		SignedIn oscar = SignedIn.as("oscar", backends());
		String form = oscar.get("/deals/new").body();

		HttpResponse<String> notANumber = oscar.submit(form, "/deals",
				Map.of("key", SignedIn.field(form, "key"), "vehicleId", SignedIn.field(form, "vehicleId"), "name",
						"Refused Fund", "currency", "EUR", "capacity", "lots"));
		HttpResponse<String> badCurrency = oscar.submit(form, "/deals",
				Map.of("key", UUID.randomUUID().toString(), "vehicleId", SignedIn.field(form, "vehicleId"), "name",
						"Refused Fund", "currency", "EURO", "capacity", "1000"));

		assertThat(notANumber.statusCode()).isEqualTo(400);
		assertThat(notANumber.body()).contains("The deal was not created", "must be a number such as 5000000.00")
			.containsPattern("id=\"deal-capacity\"[^>]*aria-invalid=\"true\"")
			.contains("value=\"Refused Fund\"");
		assertThat(badCurrency.statusCode()).isEqualTo(400);
		assertThat(badCurrency.body()).contains("The deal was not created", "ISO 4217")
			.containsPattern("id=\"deal-currency\"[^>]*aria-invalid=\"true\"")
			.doesNotContainPattern("id=\"deal-capacity\"[^>]*aria-invalid");
	}

	@Test
	void givesTheNewDealFormOnlyToOperations() {
		SignedIn carla = SignedIn.as("carla", backends());

		HttpResponse<String> form = carla.get("/deals/new");

		assertThat(form.statusCode()).isEqualTo(403);
		assertThat(form.body()).contains("This is not for your roles").doesNotContain("Create the deal");
		assertThat(carla.get("/deals").body()).doesNotContain("Create a deal");
	}

}
