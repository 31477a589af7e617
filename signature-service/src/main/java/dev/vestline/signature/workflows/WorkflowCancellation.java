package dev.vestline.signature.workflows;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.vestline.events.approval.ApprovalCancelled;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cancels unfinished workflows: when their approval is cancelled, or when staff cancel
 * one at the version they read. A signer mid-signature loses the lease and cannot commit.
 */
@Service
@Transactional
public class WorkflowCancellation {

	private final Workflows workflows;

	private final WorkflowTransitions transitions;

	private final WorkflowOutcomes outcomes;

	private final Clock clock;

	WorkflowCancellation(Workflows workflows, WorkflowTransitions transitions, WorkflowOutcomes outcomes, Clock clock) {
		this.workflows = workflows;
		this.transitions = transitions;
		this.outcomes = outcomes;
		this.clock = clock;
	}

	public void approvalCancelled(ApprovalCancelled cancelled) {
		String reason = "The approval was cancelled: " + cancelled.reason();
		for (SigningWorkflow workflow : this.workflows.openFor(cancelled.approvalId())) {
			cancel(workflow, reason, cancelled.cancelledBy(), null, "approval");
		}
	}

	/**
	 * Cancels an open workflow whose approval's cancellation was requested.
	 * @return {@code false} when it was no longer open (a last signature completed it)
	 */
	boolean forApproval(SigningWorkflow workflow, String reason, String by) {
		return cancel(workflow, reason, by, null, "approval");
	}

	/**
	 * @param id the workflow
	 * @param expectedVersion the version the caller read
	 * @param reason why
	 * @param by the staff member
	 * @return the cancelled workflow
	 */
	public SigningWorkflow byStaff(UUID id, int expectedVersion, String reason, String by) {
		SigningWorkflow workflow = WorkflowPreconditions.open(this.workflows.find(id), id, expectedVersion);
		if (!cancel(workflow, reason, by, expectedVersion, "staff")) {
			WorkflowPreconditions.explainLostRace(this.workflows.find(id), id, expectedVersion);
		}
		return this.workflows.find(id).orElseThrow();
	}

	private boolean cancel(SigningWorkflow workflow, String reason, String by, @Nullable Integer expectedVersion,
			String origin) {
		Instant now = this.clock.instant();
		if (!this.transitions.end(workflow.id(), WorkflowStatus.CANCELLED, reason, expectedVersion, null, now)) {
			return false;
		}
		this.outcomes.cancelled(workflow, reason, by, now, origin);
		return true;
	}

}
