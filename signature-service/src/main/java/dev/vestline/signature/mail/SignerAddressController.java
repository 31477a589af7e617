package dev.vestline.signature.mail;

import java.util.UUID;

import dev.vestline.events.Contact;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff correct a signer's address (a bounced or mistyped one) and send the signing link
 * again, to the new address, in one request.
 */
@RestController
class SignerAddressController {

	private final SignerAddressCorrection correction;

	SignerAddressController(SignerAddressCorrection correction) {
		this.correction = correction;
	}

	@Operation(summary = "Correct a signer's e-mail address and send a new signing link to it",
			description = "Sets the name and address the workflow's mails to this signer use. If the signer has not"
					+ " signed yet, a new link is sent to the new address at once and the previous link stops working"
					+ " (409 when the workflow has no open request for this role). Failed mails are listed under"
					+ " GET /api/v1/mails/failed.")
	@PutMapping("/api/v1/workflows/{id}/signers/{role}/contact")
	ResponseEntity<CorrectedContact> correct(@PathVariable UUID id, @PathVariable String role,
			@Valid @RequestBody ContactRequest request, Authentication caller) {
		return ResponseEntity
			.ok(this.correction.correct(id, role, new Contact(request.name(), request.email()), caller.getName()));
	}

	/**
	 * @param name the signer's name, as the mails address them
	 * @param email the corrected address
	 */
	record ContactRequest(@NotBlank @Size(max = 200) String name,
			@NotBlank @Email @Size(min = 3, max = 320) String email) {
	}

	/**
	 * @param role the signer's role
	 * @param email the address the mails now go to
	 * @param linkExpiresAt until when the new link works
	 */
	record CorrectedContact(String role, String email, java.time.Instant linkExpiresAt) {
	}

}
