package dev.vestline.signature.signing;

import java.util.UUID;

import dev.vestline.events.signature.DocumentSigned;
import dev.vestline.events.signature.SigningWorkflowCompleted;
import dev.vestline.signature.audit.AuditLog;
import dev.vestline.signature.documents.DocumentVersion;
import dev.vestline.signature.documents.DocumentVersions;
import dev.vestline.signature.lease.LeaseLost;
import dev.vestline.signature.web.ApiProblem;
import dev.vestline.signature.workflows.SigningWorkflow;
import dev.vestline.signature.workflows.WorkflowEvents;
import dev.vestline.signature.workflows.WorkflowTransitions;
import dev.vestline.support.idempotency.IdempotentRequests;

import org.springframework.http.ResponseEntity;
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

	private final WorkflowTransitions transitions;

	private final Signers signers;

	private final DocumentVersions documents;

	private final WorkflowEvents events;

	private final AuditLog audit;

	private final SigningMetrics metrics;

	private final IdempotentRequests requests;

	SigningCommit(WorkflowTransitions transitions, Signers signers, DocumentVersions documents, WorkflowEvents events,
			AuditLog audit, SigningMetrics metrics, IdempotentRequests requests) {
		this.requests = requests;
		this.transitions = transitions;
		this.signers = signers;
		this.documents = documents;
		this.events = events;
		this.audit = audit;
		this.metrics = metrics;
	}

	@Transactional
	SignedDocument commit(PreparedSignature prepared) {
		SigningWorkflow workflow = prepared.access().workflow();
		SignerRequest request = prepared.access().request();
		if (!this.transitions.advance(workflow.id(), prepared.lease().fencingToken(), prepared.version(),
				prepared.signedAt())) {
			throw new LeaseLost();
		}
		if (!this.signers.markSigned(request.id(), prepared.typedName(), prepared.signedAt(), prepared.version(),
				prepared.evidence())) {
			throw ApiProblem.conflict("This signing link was already used, or it expired while you signed.");
		}
		DocumentVersion version = this.documents.add(workflow.id(), prepared.version(), workflow.revision(),
				prepared.pdf(), prepared.parent(), request.id(), prepared.signedAt());
		this.events.append(workflow,
				new DocumentSigned(workflow.id(), workflow.approvalId(), request.signer().signerId(),
						prepared.typedName(), request.signer().role(), version.version(), version.sha256(),
						prepared.parent().sha256(), prepared.signedAt()));
		this.audit.record(workflow.id(), "SIGNED", request.signer().signerId(),
				request.signer().role() + " signed as " + prepared.typedName() + ", version " + version.version());
		this.metrics.signed(request.signer().role());
		boolean completed = this.transitions.completeIfAllSigned(workflow.id(), prepared.signedAt());
		if (completed) {
			completed(workflow, version, prepared);
		}
		SignedDocument signed = new SignedDocument(workflow.id(), version.version(), version.sha256(),
				prepared.parent().sha256(), prepared.signedAt(), completed);
		if (prepared.idempotencyKey() != null) {
			this.requests.remember(prepared.idempotencyKey(), ResponseEntity.ok(signed));
		}
		return signed;
	}

	private void completed(SigningWorkflow workflow, DocumentVersion version, PreparedSignature prepared) {
		UUID id = workflow.id();
		this.events.append(workflow,
				new SigningWorkflowCompleted(id, workflow.approvalId(), workflow.kind(), workflow.dealId(),
						workflow.vehicleId(), workflow.investorId(), workflow.subscriptionId(), workflow.amount(),
						version.version(), version.sha256(), prepared.signedAt()));
		this.audit.record(id, "COMPLETED", "signature-service",
				"every signer signed; final version " + version.version());
		this.metrics.completed(workflow.kind());
	}

}
