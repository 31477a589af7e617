package dev.vestline.signature.signing;

import dev.vestline.signature.documents.DocumentVersion;
import dev.vestline.signature.documents.DocumentVersions;
import dev.vestline.signature.workflows.SigningWorkflow;
import dev.vestline.support.idempotency.IdempotentRequests;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The final commit of a signature, in one transaction: the workflow moves to the new
 * version and releases the lease (only under the current fencing token), the request is
 * used, the version is stored on its parent's hash, the events are appended, and the
 * workflow completes if this was the last signature.
 */
@Component
class SigningCommit {

	private final FencedCommit fenced;

	private final DocumentVersions documents;

	private final SignerOutcomes outcomes;

	private final IdempotentRequests requests;

	SigningCommit(FencedCommit fenced, DocumentVersions documents, SignerOutcomes outcomes,
			IdempotentRequests requests) {
		this.fenced = fenced;
		this.documents = documents;
		this.outcomes = outcomes;
		this.requests = requests;
	}

	@Transactional
	SignedDocument commit(PreparedSignature prepared) {
		SigningWorkflow workflow = prepared.access().workflow();
		SignerRequest request = prepared.access().request();
		this.fenced.signed(prepared);
		DocumentVersion version = this.documents.add(workflow.id(), prepared.version(), workflow.revision(),
				prepared.pdf(), prepared.parent(), request.id(), prepared.signedAt());
		this.outcomes.signed(prepared, version);
		boolean completed = this.fenced.completeIfAllSigned(workflow.id(), prepared.signedAt());
		if (completed) {
			this.outcomes.completed(workflow, version, prepared);
		}
		SignedDocument signed = new SignedDocument(workflow.id(), version.version(), version.sha256(),
				prepared.parent().sha256(), prepared.signedAt(), completed);
		if (prepared.idempotencyKey() != null) {
			this.requests.remember(prepared.idempotencyKey(), signed);
		}
		return signed;
	}

}
