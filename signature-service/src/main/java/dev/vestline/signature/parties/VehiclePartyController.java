package dev.vestline.signature.parties;

import java.util.UUID;

import dev.vestline.support.domain.NotFound;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sets and reads who signs for a vehicle: operations staff configure counterparty and
 * arranger before deals of the vehicle are approved.
 */
@RestController
@RequestMapping("/api/v1/vehicles/{vehicleId}/parties/{role}")
class VehiclePartyController {

	private final VehicleParties parties;

	VehiclePartyController(VehicleParties parties) {
		this.parties = parties;
	}

	@GetMapping
	Party get(@PathVariable UUID vehicleId, @PathVariable PartyRole role) {
		return this.parties.find(vehicleId, role)
			.orElseThrow(() -> new NotFound("No " + role + " is set for vehicle " + vehicleId + "."));
	}

	@PutMapping
	Party put(@PathVariable UUID vehicleId, @PathVariable PartyRole role, @Valid @RequestBody PartyRequest request,
			Authentication caller) {
		Party party = new Party(request.partyId(), request.name(), request.email());
		this.parties.put(vehicleId, role, party, caller.getName());
		return party;
	}

	/**
	 * @param partyId the party's user id
	 * @param name the name stamped on the document
	 * @param email where the party's signing mails go; without it the party gets none
	 */
	record PartyRequest(@NotBlank @Size(max = 200) String partyId, @NotBlank @Size(max = 200) String name,
			@Nullable @Email @Size(min = 3, max = 320) String email) {

	}

}
