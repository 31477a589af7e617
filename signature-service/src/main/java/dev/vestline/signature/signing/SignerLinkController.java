package dev.vestline.signature.signing;

import java.time.Instant;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets staff send a pending signer a new link.
 */
@RestController
class SignerLinkController {

	private final LinkRenewal renewal;

	SignerLinkController(LinkRenewal renewal) {
		this.renewal = renewal;
	}

	@PostMapping("/api/v1/workflows/{id}/signers/{role}/link")
	ResponseEntity<RenewedLink> renew(@PathVariable UUID id, @PathVariable String role, Authentication caller) {
		return ResponseEntity.accepted().body(new RenewedLink(role, this.renewal.renew(id, role, caller.getName())));
	}

	/**
	 * A link on its way to the signer; the token itself is never returned.
	 *
	 * @param role the signer's role
	 * @param expiresAt until when the new link works
	 */
	record RenewedLink(String role, Instant expiresAt) {

	}

}
