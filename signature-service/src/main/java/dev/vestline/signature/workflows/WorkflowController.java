package dev.vestline.signature.workflows;

import java.util.List;
import java.util.UUID;

import dev.vestline.signature.audit.AuditLog;
import dev.vestline.signature.documents.DocumentVersion;
import dev.vestline.signature.documents.DocumentVersions;
import dev.vestline.support.domain.NotFound;
import dev.vestline.support.web.IfMatch;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff access to signing workflows: read them, their documents, versions and audit log;
 * cancel or reissue them at the version they read ({@code If-Match}).
 */
@RestController
@RequestMapping("/api/v1/workflows")
class WorkflowController {

	private final WorkflowQueries queries;

	private final DocumentVersions documents;

	private final WorkflowCancellation cancellation;

	private final WorkflowReissue reissue;

	WorkflowController(WorkflowQueries queries, DocumentVersions documents, WorkflowCancellation cancellation,
			WorkflowReissue reissue) {
		this.queries = queries;
		this.documents = documents;
		this.cancellation = cancellation;
		this.reissue = reissue;
	}

	@GetMapping
	List<WorkflowView> ofApproval(@RequestParam UUID approvalId) {
		return this.queries.ofApproval(approvalId);
	}

	@GetMapping("/{id}")
	ResponseEntity<WorkflowView> get(@PathVariable UUID id) {
		return withETag(this.queries.view(id));
	}

	@GetMapping("/{id}/document")
	ResponseEntity<byte[]> document(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer version) {
		WorkflowView workflow = this.queries.view(id);
		int wanted = (version != null) ? version : workflow.documentVersion();
		var content = this.documents.content(id, wanted)
			.orElseThrow(() -> new NotFound("Workflow " + id + " has no document version " + wanted + "."));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("workflow-" + id + "-v" + wanted + ".pdf").build().toString())
			.header("Document-Version", String.valueOf(wanted))
			.header("Document-SHA256", content.version().sha256())
			.body(content.bytes());
	}

	@GetMapping("/{id}/versions")
	List<DocumentVersion> versions(@PathVariable UUID id) {
		this.queries.view(id);
		return this.documents.of(id);
	}

	@GetMapping("/{id}/audit")
	List<AuditLog.Entry> audit(@PathVariable UUID id) {
		return this.queries.audit(id);
	}

	@PostMapping("/{id}/cancel")
	ResponseEntity<WorkflowView> cancel(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@Valid @RequestBody CancelRequest request, Authentication caller) {
		this.cancellation.byStaff(id, IfMatch.intVersion(ifMatch), request.reason().strip(), caller.getName());
		return withETag(this.queries.view(id));
	}

	@PostMapping("/{id}/reissue")
	ResponseEntity<WorkflowView> reissue(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@Valid @RequestBody ReissueRequest request, Authentication caller) {
		this.reissue.reissue(id, IfMatch.intVersion(ifMatch), request.amendments().strip(), caller.getName());
		return withETag(this.queries.view(id));
	}

	private static ResponseEntity<WorkflowView> withETag(WorkflowView view) {
		return ResponseEntity.ok().header(HttpHeaders.ETAG, IfMatch.etag(view.version())).body(view);
	}

	/**
	 * @param reason why the workflow is cancelled
	 */
	record CancelRequest(@NotBlank @Size(max = 2000) String reason) {

	}

	/**
	 * @param amendments the amended terms, stated on the new document
	 */
	record ReissueRequest(@NotBlank @Size(max = 4000) String amendments) {

	}

}
