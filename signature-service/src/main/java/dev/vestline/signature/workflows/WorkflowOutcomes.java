package dev.vestline.signature.workflows;

import java.time.Instant;
import java.util.List;

import dev.vestline.events.approval.ApprovalGranted;
import dev.vestline.events.signature.DocumentKind;
import dev.vestline.events.signature.Signer;
import dev.vestline.events.signature.SigningWorkflowCancelled;
import dev.vestline.events.signature.SigningWorkflowCreated;
import dev.vestline.events.signature.SigningWorkflowFailed;
import dev.vestline.signature.audit.AuditLog;

import org.springframework.stereotype.Component;

/**
 * What became of a workflow, told in the caller's transaction: the event in the outbox,
 * the audit entry where staff or a signer acted, and the count.
 */
@Component
class WorkflowOutcomes {

	private final WorkflowEvents events;

	private final AuditLog audit;

	private final WorkflowMetrics metrics;

	WorkflowOutcomes(WorkflowEvents events, AuditLog audit, WorkflowMetrics metrics) {
		this.events = events;
		this.audit = audit;
		this.metrics = metrics;
	}

	void opened(SigningWorkflow workflow, ApprovalGranted grant, DocumentKind kind, List<Signer> signers) {
		this.events.append(workflow,
				new SigningWorkflowCreated(workflow.id(), grant.approvalId(), kind, grant.dealId(), grant.vehicleId(),
						grant.investorId(), grant.subscriptionId(), grant.amount(), signers, workflow.createdAt()));
		this.metrics.opened(kind);
	}

	void failed(SigningWorkflow workflow, String reason, Instant at, String cause) {
		this.events.append(workflow, new SigningWorkflowFailed(workflow.id(), workflow.approvalId(), reason, at));
		this.metrics.failed(workflow.kind(), cause);
	}

	void cancelled(SigningWorkflow workflow, String reason, String by, Instant now, String origin) {
		this.events.append(workflow,
				new SigningWorkflowCancelled(workflow.id(), workflow.approvalId(), reason, by, now));
		this.audit.record(workflow.id(), "CANCELLED", by, reason);
		this.metrics.cancelled(origin);
	}

	void reissued(SigningWorkflow reissued, String amendments, String by) {
		this.audit.record(reissued.id(), "REISSUED", by, "revision " + reissued.revision() + ": " + amendments);
		this.metrics.reissued();
	}

}
