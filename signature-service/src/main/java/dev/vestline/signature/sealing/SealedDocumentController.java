package dev.vestline.signature.sealing;

import java.util.UUID;

import dev.vestline.signature.workflows.SigningWorkflow;
import dev.vestline.signature.workflows.WorkflowStatus;
import dev.vestline.signature.workflows.Workflows;
import dev.vestline.support.domain.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff download a completed workflow's sealed document and its certificate of completion
 * (sealed on first request if the seal is not stored yet).
 */
@RestController
@RequestMapping("/api/v1/workflows/{id}")
class SealedDocumentController {

	private final Workflows workflows;

	private final Sealing sealing;

	SealedDocumentController(Workflows workflows, Sealing sealing) {
		this.workflows = workflows;
		this.sealing = sealing;
	}

	@GetMapping("/sealed-document")
	@Operation(summary = "The sealed document of a completed workflow",
			description = "The final signed version, unchanged, followed by two incremental updates: the certificate "
					+ "of completion's pages, then one PAdES baseline B-B signature (ETSI.CAdES.detached) by the "
					+ "platform's sealing key over the whole file. Sealed once per workflow.")
	@ApiResponse(responseCode = "200", description = "the sealed PDF",
			headers = { @Header(name = "Document-SHA256", description = "SHA-256 of the sealed PDF"),
					@Header(name = "Final-Version-SHA256",
							description = "SHA-256 of the final signed version, the first Final-Version-Length bytes"),
					@Header(name = "Final-Version-Length", description = "length of the final signed version") },
			content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
					schema = @Schema(type = "string", format = "binary")))
	@ApiResponse(responseCode = "404", description = "no such workflow, or it is not completed",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<byte[]> sealedDocument(@PathVariable UUID id) {
		SealedDocument sealed = sealedOf(id);
		return pdf("workflow-" + id + "-sealed.pdf", sealed.content(), sealed.sha256())
			.header("Final-Version-SHA256", sealed.finalSha256())
			.header("Final-Version-Length", String.valueOf(sealed.finalLength()))
			.body(sealed.content());
	}

	@GetMapping("/certificate")
	@Operation(summary = "The certificate of completion of a completed workflow",
			description = "Every signer with the evidence kept for the signature (the link's address and revision, "
					+ "the consent version, IP address, browser, times in UTC) and the document hash before and "
					+ "after each signature, as a PDF of its own, sealed like the document whose last pages it is.")
	@ApiResponse(responseCode = "200", description = "the certificate as a sealed PDF",
			content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
					schema = @Schema(type = "string", format = "binary")))
	@ApiResponse(responseCode = "404", description = "no such workflow, or it is not completed",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<byte[]> certificate(@PathVariable UUID id) {
		SealedDocument sealed = sealedOf(id);
		return pdf("workflow-" + id + "-certificate.pdf", sealed.certificate(), sealed.certificateSha256())
			.body(sealed.certificate());
	}

	private SealedDocument sealedOf(UUID id) {
		SigningWorkflow workflow = this.workflows.find(id)
			.orElseThrow(() -> new NotFound("No signing workflow " + id + "."));
		if (workflow.status() != WorkflowStatus.COMPLETED) {
			throw new NotFound("Workflow " + id + " is " + workflow.status().name().toLowerCase()
					+ ": a document is sealed only when every signer has signed.");
		}
		return this.sealing.sealed(id).orElseThrow();
	}

	private static ResponseEntity.BodyBuilder pdf(String filename, byte[] content, String sha256) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
			.header(HttpHeaders.ETAG, "\"" + sha256 + "\"")
			.header("Document-SHA256", sha256);
	}

}
