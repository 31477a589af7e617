package dev.vestline.approval.compensation;

import java.time.Instant;
import java.util.Objects;
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
 * Never leaves an approval granted for work that did not happen, and never cancels one
 * whose work did: the signing workflow's outcome decides. Runs in the inbox's
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

	/**
	 * A granted approval is reopened; one whose cancellation was asked for is cancelled
	 * instead, as its requester wanted.
	 */
	void workflowFailed(SigningWorkflowFailed event) {
		Optional<Approval> live = liveGrant(event.workflowId(), event.approvalId(), "FAILED");
		if (live.isPresent() && live.get().status() == ApprovalStatus.CANCELLING) {
			cancelAsRequested(live.get());
		}
		else if (live.isPresent()) {
			Approval a = live.get();
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
		Optional<Approval> live = liveGrant(event.workflowId(), event.approvalId(), "CANCELLED");
		if (live.isPresent() && live.get().status() == ApprovalStatus.CANCELLING) {
			cancelAsRequested(live.get());
		}
		else if (live.isPresent()) {
			String reason = "signing workflow cancelled by " + event.cancelledBy() + ": " + event.reason();
			cancel(live.get(), ACTOR, reason);
			this.recorder.metrics().compensated("cancelled");
		}
	}

	/**
	 * The work happened: the approval is executed and keeps its capacity, also when a
	 * cancellation was asked for meanwhile (that one is refused: signing completed
	 * first).
	 */
	void workflowCompleted(SigningWorkflowCompleted event) {
		Optional<Approval> live = liveGrant(event.workflowId(), event.approvalId(), "COMPLETED");
		if (live.isPresent()) {
			Approval a = live.get();
			Instant now = this.recorder.now();
			if (this.compensated.execute(a, event.workflowId(), now)) {
				// no event: the workflow's own SigningWorkflowCompleted already tells
				// everyone
				this.recorder.noted(new AuditEntry(a.id(), "EXECUTED", ACTOR, now, null, "EXECUTED",
						"signing workflow " + event.workflowId() + " completed"));
				this.recorder.metrics().compensated("executed");
				if (a.status() == ApprovalStatus.CANCELLING) {
					this.recorder.noted(new AuditEntry(a.id(), "CANCEL_REFUSED", ACTOR, now, null, "EXECUTED",
							"signing completed first: the cancellation " + a.cancelRequestedBy() + " asked for at "
									+ a.cancelRequestedAt() + " came after workflow " + event.workflowId()
									+ " completed"));
					this.recorder.metrics().cancellationEnded("refused");
				}
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
					approval.get().status().name(), "signing workflow " + event.workflowId()));
			return;
		}
		String why = approval.map((a) -> !isLive(a) ? "approval is " + a.status() + ", not GRANTED"
				: (event.workflowId().equals(a.workflowId())) ? "already recorded"
						: "the grant is carried out by workflow " + a.workflowId())
			.orElse("unknown approval");
		this.recorder.noted(new AuditEntry(event.approvalId(), "WORKFLOW_IGNORED", ACTOR, now, null,
				approval.map((a) -> a.status().name()).orElse(null), "workflow " + event.workflowId() + ": " + why));
	}

	/**
	 * The workflow did not complete: the cancellation the requester asked for happens.
	 */
	private void cancelAsRequested(Approval a) {
		cancel(a, Objects.requireNonNull(a.cancelRequestedBy()), Objects.requireNonNull(a.cancelReason()));
		this.recorder.metrics().cancelled();
		this.recorder.metrics().cancellationEnded("cancelled");
	}

	private void cancel(Approval a, String by, String reason) {
		Instant now = this.recorder.now();
		if (this.approvals.cancel(a, by, reason, now)) {
			releaseReservation(a);
			this.recorder.happened(ApprovalEvents.cancelled(a, by, reason, now),
					new AuditEntry(a.id(), "CANCELLED", ACTOR, now, null, "CANCELLED", reason));
		}
	}

	/**
	 * @return the approval, locked, when this is the workflow's first outcome, the
	 * approval's grant is live (granted, or cancelling) and the workflow is the one its
	 * grant opened (or none was recorded); otherwise records why nothing is done
	 */
	private Optional<Approval> liveGrant(UUID workflow, UUID approvalId, String outcome) {
		Optional<Approval> approval = this.compensated.lock(approvalId);
		boolean live = approval.map(Compensation::isLive).orElse(false);
		boolean ours = approval.map((a) -> a.workflowId() == null || a.workflowId().equals(workflow)).orElse(false);
		boolean first = this.compensated.recordFirstOutcome(workflow, approvalId, outcome, live && ours,
				this.recorder.now());
		if (first && live && ours) {
			return approval;
		}
		String why = !first ? "workflow " + workflow + " already had an outcome"
				: !live ? approval.map((a) -> "approval is " + a.status() + ", not GRANTED").orElse("unknown approval")
						: "not the workflow of the current grant (" + approval.get().workflowId() + ")";
		this.recorder.noted(new AuditEntry(approvalId, "COMPENSATION_IGNORED", ACTOR, this.recorder.now(), null,
				approval.map((a) -> a.status().name()).orElse(null),
				outcome + " of workflow " + workflow + ": " + why));
		this.recorder.metrics().compensated("ignored");
		return Optional.empty();
	}

	private static boolean isLive(Approval a) {
		return a.status() == ApprovalStatus.GRANTED || a.status() == ApprovalStatus.CANCELLING;
	}

	private void releaseReservation(Approval a) {
		if (a.reservedAmount() != null) {
			this.deals.release(a.dealId(), a.reservedAmount());
		}
	}

}
