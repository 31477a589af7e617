package dev.vestline.signature.signing;

import java.time.Instant;
import java.util.UUID;

import dev.vestline.events.signature.DocumentKind;
import dev.vestline.signature.documents.DocumentText;
import dev.vestline.signature.documents.DocumentVersions;
import dev.vestline.signature.signing.SignerAccess.Access;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a signer reads through a link: what to sign and the document itself. Reading never
 * uses the link up.
 */
@RestController
@RequestMapping("/api/v1/signing/{token}")
class SigningViewController {

	private final SignerAccess access;

	private final DocumentVersions documents;

	SigningViewController(SignerAccess access, DocumentVersions documents) {
		this.access = access;
		this.documents = documents;
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
