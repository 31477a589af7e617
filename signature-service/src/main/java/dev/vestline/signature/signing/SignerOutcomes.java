package dev.vestline.signature.signing;

import java.time.Instant;
import java.util.UUID;

import dev.vestline.events.signature.DocumentSigned;
import dev.vestline.events.signature.SignatureDeclined;
import dev.vestline.events.signature.SigningWorkflowCompleted;
import dev.vestline.events.signature.SigningWorkflowFailed;
import dev.vestline.signature.audit.AuditLog;
import dev.vestline.signature.documents.DocumentVersion;
import dev.vestline.signature.signing.SignerAccess.Access;
import dev.vestline.signature.workflows.SigningWorkflow;
import dev.vestline.signature.workflows.WorkflowEvents;

import org.springframework.stereotype.Component;

/**
 * What came of a signer's commit, told three ways in the caller's transaction: the events
 * in the outbox, the audit entry and the count.
 */
@Component
class SignerOutcomes {

	private final WorkflowEvents events;

	private final AuditLog audit;

	private final SigningMetrics metrics;

	SignerOutcomes(WorkflowEvents events, AuditLog audit, SigningMetrics metrics) {
		this.events = events;
		this.audit = audit;
		this.metrics = metrics;
	}

	void signed(PreparedSignature prepared, DocumentVersion version) {
		SigningWorkflow workflow = prepared.access().workflow();
		SignerRequest request = prepared.access().request();
		this.events.append(workflow,
				new DocumentSigned(workflow.id(), workflow.approvalId(), request.signer().signerId(),
						prepared.typedName(), request.signer().role(), version.version(), version.sha256(),
						prepared.parent().sha256(), prepared.signedAt()));
		this.audit.record(workflow.id(), "SIGNED", request.signer().signerId(),
				request.signer().role() + " signed as " + prepared.typedName() + ", version " + version.version());
		this.metrics.signed(request.signer().role());
	}

	void completed(SigningWorkflow workflow, DocumentVersion version, PreparedSignature prepared) {
		UUID id = workflow.id();
		this.events.append(workflow,
				new SigningWorkflowCompleted(id, workflow.approvalId(), workflow.kind(), workflow.dealId(),
						workflow.vehicleId(), workflow.investorId(), workflow.subscriptionId(), workflow.amount(),
						version.version(), version.sha256(), prepared.signedAt()));
		this.audit.record(id, "COMPLETED", "signature-service",
				"every signer signed; final version " + version.version());
		this.metrics.completed(workflow.kind());
	}

	void declined(Access found, String reason, String why, Instant now) {
		SignerRequest request = found.request();
		String role = request.signer().role();
		this.events.append(found.workflow(), new SignatureDeclined(found.workflow().id(), found.workflow().approvalId(),
				request.signer().signerId(), role, reason, now));
		this.events.append(found.workflow(),
				new SigningWorkflowFailed(found.workflow().id(), found.workflow().approvalId(), why, now));
		this.audit.record(found.workflow().id(), "DECLINED", request.signer().signerId(), why);
		this.metrics.declined(role);
	}

}
