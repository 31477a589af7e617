package dev.vestline.signature.workflows;

import java.util.Optional;

import dev.vestline.events.approval.ApprovalCancellationRequested;
import dev.vestline.signature.audit.AuditLog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers a request to cancel a granted approval with the state of the grant's workflow,
 * the one source of truth for whether the grant's work happened. Open: cancelled with one
 * conditional update (OPEN to CANCELLED), which a last signature racing it either beats
 * or loses, never both. Already ended (completed, declined, failed, cancelled): nothing,
 * its outcome is already on {@code signature.events}, ahead of anything said now. Never
 * opened (its grant was never seen, e.g. dead-lettered): recorded as a failed workflow
 * for that grant, so a replayed grant opens nothing and the approval hears
 * {@code SigningWorkflowFailed}.
 */
@Service
@Transactional
public class GrantCancellation {

	private final Workflows workflows;

	private final WorkflowCancellation cancellation;

	private final WorkflowOpening opening;

	private final AuditLog audit;

	GrantCancellation(Workflows workflows, WorkflowCancellation cancellation, WorkflowOpening opening, AuditLog audit) {
		this.workflows = workflows;
		this.cancellation = cancellation;
		this.opening = opening;
		this.audit = audit;
	}

	public void requested(ApprovalCancellationRequested request) {
		String reason = "The approval's cancellation was requested: " + request.reason();
		Optional<SigningWorkflow> ofGrant = this.workflows.ofGrant(request.approvalId(), request.grantedAt());
		if (ofGrant.isEmpty()) {
			this.opening.neverOpened(request, reason);
			return;
		}
		SigningWorkflow workflow = ofGrant.get();
		if (workflow.status() == WorkflowStatus.OPEN
				&& this.cancellation.forApproval(workflow, reason, request.requestedBy())) {
			return;
		}
		// ended before the request came: completed (the approval executes and refuses the
		// cancellation), or declined, failed or cancelled (the approval cancels)
		WorkflowStatus now = this.workflows.find(workflow.id()).map(SigningWorkflow::status).orElse(workflow.status());
		this.audit.record(workflow.id(), "CANCELLATION_IGNORED", request.requestedBy(),
				"The workflow had already ended (" + now + ") when the approval's cancellation was requested");
	}

}
