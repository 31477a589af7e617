package dev.vestline.signature.signing;

import java.time.Instant;
import java.util.UUID;

import dev.vestline.events.signature.DocumentKind;
import dev.vestline.signature.documents.DocumentText;
import dev.vestline.signature.documents.DocumentVersions;
import dev.vestline.signature.signing.SignerAccess.Access;
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

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a signer does with a link: read what to sign, sign with a typed name and explicit
 * consent, or decline with a reason. The link's token is the only credential, and it acts
 * on its own request only.
 */
@RestController
@RequestMapping("/api/v1/signing/{token}")
class SigningController {

	private final SignerAccess access;

	private final DocumentVersions documents;

	private final Signing signing;

	private final Declining declining;

	SigningController(SignerAccess access, DocumentVersions documents, Signing signing, Declining declining) {
		this.access = access;
		this.documents = documents;
		this.signing = signing;
		this.declining = declining;
	}

	@GetMapping
	SigningView view(@PathVariable String token) {
		Access found = this.access.open(token);
		var workflow = found.workflow();
		var latest = this.documents.content(workflow.id(), workflow.documentVersion()).orElseThrow();
		return new SigningView(workflow.id(), workflow.kind(), found.request().signer().role(),
				found.request().signer().name(), found.request().linkExpiresAt(), latest.version().version(),
				latest.version().sha256(), "/api/v1/signing/" + token + "/document", DocumentText.of(latest.bytes()));
	}

	@GetMapping("/document")
	ResponseEntity<byte[]> document(@PathVariable String token) {
		var workflow = this.access.open(token).workflow();
		var latest = this.documents.content(workflow.id(), workflow.documentVersion()).orElseThrow();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline()
						.filename("document-v" + latest.version().version() + ".pdf")
						.build()
						.toString())
			.header(HttpHeaders.ETAG, "\"" + latest.version().sha256() + "\"")
			.body(latest.bytes());
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
		return (idempotencyKey != null) ? this.signing.sign(token, typedName, evidence, idempotencyKey)
				: ResponseEntity.ok(this.signing.sign(token, typedName, evidence));
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

	/**
	 * What a signer is asked to sign.
	 *
	 * @param workflowId the workflow
	 * @param documentKind the document
	 * @param role the signer's role
	 * @param signerName the signer's name
	 * @param linkExpiresAt until when the link works
	 * @param documentVersion the version to sign
	 * @param documentSha256 its hash
	 * @param documentUrl where to download it
	 * @param preview its text
	 */
	record SigningView(UUID workflowId, DocumentKind documentKind, String role, String signerName,
			Instant linkExpiresAt, int documentVersion, String documentSha256, String documentUrl, String preview) {

	}

}
