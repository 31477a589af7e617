package dev.vestline.console.signing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import dev.vestline.console.services.ServiceProblem;

/**
 * signature-service's vehicle parties, called as the signed-in person: who signs a
 * vehicle's documents besides the investor (the arranger signs a subscription pack, the
 * counterparty an NDA), read per role and set by operations.
 */
@Component
class VehicleParties {

	/** The roles a vehicle's party may have, as the API names them. */
	static final List<String> ROLES = List.of("ARRANGER", "COUNTERPARTY");

	private final RestClient api;

	VehicleParties(@Qualifier("signatureApi") RestClient api) {
		this.api = api;
	}

	/**
	 * @return each role's party, or none where the vehicle has none (the API's 404)
	 */
	Map<String, Optional<Party>> of(UUID vehicle) {
		Map<String, Optional<Party>> parties = new LinkedHashMap<>();
		for (String role : ROLES) {
			parties.put(role, find(vehicle, role));
		}
		return parties;
	}

	void set(UUID vehicle, String role, Party party) {
		this.api.put()
			.uri("/api/v1/vehicles/{vehicle}/parties/{role}", vehicle, role)
			.contentType(MediaType.APPLICATION_JSON)
			.body(party)
			.retrieve()
			.toBodilessEntity();
	}

	private Optional<Party> find(UUID vehicle, String role) {
		try {
			return Optional.ofNullable(this.api.get()
				.uri("/api/v1/vehicles/{vehicle}/parties/{role}", vehicle, role)
				.retrieve()
				.body(Party.class));
		}
		catch (ServiceProblem problem) {
			if (problem.status() == 404) {
				return Optional.empty();
			}
			throw problem;
		}
	}

	/**
	 * A party as the API takes and shows it.
	 *
	 * @param partyId the party's user id
	 * @param name the name stamped on the document
	 * @param email where its signing mails go; without one it gets none
	 */
	record Party(@Nullable String partyId, @Nullable String name, @Nullable String email) {

		Party {
			partyId = blankAsNull(partyId);
			name = blankAsNull(name);
			email = blankAsNull(email);
		}

		private static @Nullable String blankAsNull(@Nullable String typed) {
			return (typed == null || typed.isBlank()) ? null : typed.strip();
		}

	}

}
