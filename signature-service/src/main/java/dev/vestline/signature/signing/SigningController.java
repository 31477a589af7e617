package dev.vestline.signature.signing;

import dev.vestline.support.idempotency.IdempotencyKey;
import dev.vestline.support.idempotency.IdempotentRequests;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a signer does with a link: sign with a typed name and explicit consent, or decline
 * with a reason. The link's token is the only credential, and it acts on its own request
 * only. A retry with the same {@code Idempotency-Key} gets the first answer.
 */
@RestController
@RequestMapping("/api/v1/signing/{token}")
class SigningController {

	private final Signing signing;

	private final Declining declining;

	private final IdempotentRequests requests;

	SigningController(Signing signing, Declining declining, IdempotentRequests requests) {
		this.signing = signing;
		this.declining = declining;
		this.requests = requests;
	}

	@PostMapping("/signature")
	@ApiResponse(responseCode = "200", description = "signed (or the first response, replayed)",
			content = @Content(schema = @Schema(implementation = SignedDocument.class)))
	ResponseEntity<?> sign(@PathVariable String token,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
			@Valid @RequestBody SignatureRequest request, HttpServletRequest http) {
		String typedName = request.typedName().strip();
		SignatureEvidence evidence = SignatureEvidence.of(request.consentVersion(), http.getRemoteAddr(),
				http.getHeader(HttpHeaders.USER_AGENT));
		if (idempotencyKey == null) {
			return ResponseEntity.ok(this.signing.sign(token, typedName, evidence));
		}
		IdempotencyKey key = this.signing.idempotencyKey(token, typedName, idempotencyKey);
		return this.requests.runAcrossTransactions(key, () -> this.signing.sign(token, typedName, evidence, key));
	}

	@PostMapping("/decline")
	ResponseEntity<Void> decline(@PathVariable String token, @Valid @RequestBody DeclineRequest request) {
		this.declining.decline(token, request.reason().strip());
		return ResponseEntity.noContent().build();
	}

	/**
	 * @param typedName the signer's name, as it will be stamped
	 * @param consent the signer's explicit consent to sign electronically
	 * @param consentVersion the version of the electronic-records disclosure the signer
	 * agreed to, recorded with the signature and stated on the certificate of completion
	 */
	record SignatureRequest(@NotBlank @Size(max = 200) String typedName,
			@NotNull @AssertTrue(message = "must be true: signing needs your explicit consent") Boolean consent,
			@Nullable @Size(min = 1, max = 100) String consentVersion) {

	}

	/**
	 * @param reason why the signer declines
	 */
	record DeclineRequest(@NotBlank @Size(max = 2000) String reason) {

	}

}
