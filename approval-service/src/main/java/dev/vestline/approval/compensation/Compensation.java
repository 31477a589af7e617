package dev.vestline.approval.compensation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.vestline.approval.approvals.Approval;
import dev.vestline.approval.approvals.ApprovalEvents;
import dev.vestline.approval.approvals.ApprovalRecorder;
import dev.vestline.approval.approvals.ApprovalStatus;
import dev.vestline.approval.approvals.Approvals;
import dev.vestline.approval.audit.AuditEntry;
import dev.vestline.approval.deals.Deals;
import dev.vestline.events.signature.SigningWorkflowCancelled;
import dev.vestline.events.signature.SigningWorkflowCompleted;
import dev.vestline.events.signature.SigningWorkflowCreated;
import dev.vestline.events.signature.SigningWorkflowFailed;

/**
 * Never leaves an approval granted for work that did not happen. Runs in the inbox's
 * transaction; a workflow's outcome is applied once (a {@code workflow_outcome} row per
 * workflow), the approval is row-locked, and each transition is guarded by status and
 * version, so capacity is released exactly once.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class Compensation {

	static final String ACTOR = "approval-service";

	private final Approvals approvals;

	private final CompensatedApprovals compensated;

	private final Deals deals;

	private final ApprovalRecorder recorder;

	Compensation(Approvals approvals, CompensatedApprovals compensated, Deals deals, ApprovalRecorder recorder) {
		this.approvals = approvals;
		this.compensated = compensated;
		this.deals = deals;
		this.recorder = recorder;
	}

	void workflowFailed(SigningWorkflowFailed event) {
		Optional<Approval> granted = grantedApproval(event.workflowId(), event.approvalId(), "FAILED");
		if (granted.isPresent()) {
			Approval a = granted.get();
			Instant now = this.recorder.now();
			String reason = "signing workflow failed: " + event.reason();
			if (this.compensated.reopen(a, reason, now)) {
				releaseReservation(a);
				this.recorder.happened(ApprovalEvents.reopened(a, reason, event.workflowId(), now),
						new AuditEntry(a.id(), "REOPENED", ACTOR, now, a.steps().size(), "PENDING", reason));
				this.recorder.metrics().compensated("reopened");
			}
		}
	}

	void workflowCancelled(SigningWorkflowCancelled event) {
		Optional<Approval> granted = grantedApproval(event.workflowId(), event.approvalId(), "CANCELLED");
		if (granted.isPresent()) {
			Approval a = granted.get();
			Instant now = this.recorder.now();
			String reason = "signing workflow cancelled by " + event.cancelledBy() + ": " + event.reason();
			if (this.approvals.cancel(a, ACTOR, reason, now)) {
				releaseReservation(a);
				this.recorder.happened(ApprovalEvents.cancelled(a, ACTOR, reason, now),
						new AuditEntry(a.id(), "CANCELLED", ACTOR, now, null, "CANCELLED", reason));
				this.recorder.metrics().compensated("cancelled");
			}
		}
	}

	void workflowCompleted(SigningWorkflowCompleted event) {
		Optional<Approval> granted = grantedApproval(event.workflowId(), event.approvalId(), "COMPLETED");
		if (granted.isPresent()) {
			Approval a = granted.get();
			Instant now = this.recorder.now();
			if (this.compensated.execute(a, event.workflowId(), now)) {
				// no event: the workflow's own SigningWorkflowCompleted already tells
				// everyone
				this.recorder.noted(new AuditEntry(a.id(), "EXECUTED", ACTOR, now, null, "EXECUTED",
						"signing workflow " + event.workflowId() + " completed"));
				this.recorder.metrics().compensated("executed");
			}
		}
	}

	/**
	 * Remembers which workflow carries out the current grant. A second workflow opened
	 * for the same grant is recorded and left alone: its outcome will not reopen or
	 * cancel the approval.
	 */
	void workflowCreated(SigningWorkflowCreated event) {
		Optional<Approval> approval = this.compensated.lock(event.approvalId());
		Instant now = this.recorder.now();
		if (approval.isPresent() && this.compensated.attachWorkflow(approval.get(), event.workflowId())) {
			this.recorder.noted(new AuditEntry(event.approvalId(), "WORKFLOW_OPENED", ACTOR, now, null,
					ApprovalStatus.GRANTED.name(), "signing workflow " + event.workflowId()));
			return;
		}
		String why = approval.map((a) -> (a.status() != ApprovalStatus.GRANTED)
				? "approval is " + a.status() + ", not GRANTED" : (event.workflowId().equals(a.workflowId()))
						? "already recorded" : "the grant is carried out by workflow " + a.workflowId())
			.orElse("unknown approval");
		this.recorder.noted(new AuditEntry(event.approvalId(), "WORKFLOW_IGNORED", ACTOR, now, null,
				approval.map((a) -> a.status().name()).orElse(null), "workflow " + event.workflowId() + ": " + why));
	}

	/**
	 * @return the approval, locked, when this is the workflow's first outcome, the
	 * approval is still granted and the workflow is the one its grant opened (or none was
	 * recorded); otherwise records why nothing is done
	 */
	private Optional<Approval> grantedApproval(UUID workflow, UUID approvalId, String outcome) {
		Optional<Approval> approval = this.compensated.lock(approvalId);
		boolean granted = approval.map((a) -> a.status() == ApprovalStatus.GRANTED).orElse(false);
		boolean ours = approval.map((a) -> a.workflowId() == null || a.workflowId().equals(workflow)).orElse(false);
		boolean first = this.compensated.recordFirstOutcome(workflow, approvalId, outcome, granted && ours,
				this.recorder.now());
		if (first && granted && ours) {
			return approval;
		}
		String why = !first ? "workflow " + workflow + " already had an outcome"
				: !granted
						? approval.map((a) -> "approval is " + a.status() + ", not GRANTED").orElse("unknown approval")
						: "not the workflow of the current grant (" + approval.get().workflowId() + ")";
		this.recorder.noted(new AuditEntry(approvalId, "COMPENSATION_IGNORED", ACTOR, this.recorder.now(), null,
				approval.map((a) -> a.status().name()).orElse(null),
				outcome + " of workflow " + workflow + ": " + why));
		this.recorder.metrics().compensated("ignored");
		return Optional.empty();
	}

	private void releaseReservation(Approval a) {
		if (a.reservedAmount() != null) {
			this.deals.release(a.dealId(), a.reservedAmount());
		}
	}

}
