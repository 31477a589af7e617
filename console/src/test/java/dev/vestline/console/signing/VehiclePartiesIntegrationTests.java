package dev.vestline.console.signing;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.vestline.console.support.ConsoleTest;
import dev.vestline.console.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A vehicle's signers over real HTTP, against a real signature-service: operations sets
 * the arranger, a refused address is marked, and a role that may not set one sees who
 * signs but no form.
 */
class VehiclePartiesIntegrationTests extends ConsoleTest {

	@BeforeEach
	void signatureService() {
		backends().signature();
	}

	@Test
	void operationsSetsAVehiclesArranger() {
		UUID vehicle = UUID.randomUUID();
		SignedIn oscar = SignedIn.as("oscar", backends());
		String page = oscar.get("/signing/vehicles?vehicle=" + vehicle).body();
		assertThat(page).contains("Who signs for vehicle", "Not set", "Set the party");

		HttpResponse<String> set = oscar.submit(page, "/signing/vehicles/" + vehicle, Map.of("role", "ARRANGER", "name",
				"Westwind Arrangers", "partyId", "arr-westwind", "email", "arne@westwind.example.org"));

		assertThat(set.statusCode()).isEqualTo(200);
		assertThat(set.body()).contains("The <span>arranger</span> is set", "<td>Westwind Arrangers</td>",
				"<td>arr-westwind</td>", "<td>arne@westwind.example.org</td>");
	}

	@Test
	void refusesAPartyInWordsWithTheFieldMarkedAndShowsNoFormToARoleThatMayNotSetOne() {
		UUID vehicle = UUID.randomUUID();
		SignedIn oscar = SignedIn.as("oscar", backends());
		String page = oscar.get("/signing/vehicles/" + vehicle).body();

		HttpResponse<String> refused = oscar.submit(page, "/signing/vehicles/" + vehicle,
				Map.of("role", "ARRANGER", "name", "Westwind Arrangers", "partyId", "arr-1", "email", "nowhere"));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("The party was not set")
			.containsPattern("id=\"party-email\"[^>]*aria-invalid=\"true\"")
			.doesNotContainPattern("id=\"party-name\"[^>]*aria-invalid");
		HttpResponse<String> carla = SignedIn.as("carla", backends()).get("/signing/vehicles/" + vehicle);
		assertThat(carla.statusCode()).isEqualTo(200);
		assertThat(carla.body()).contains("Not set").doesNotContain("Set the party");
	}

}
