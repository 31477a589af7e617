package dev.vestline.events.approval;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One step of an approval's chain was approved; the approval is granted once no steps
 * remain (announced by {@link ApprovalGranted}).
 *
 * @param approvalId the approval
 * @param step the step that was approved, 1-based
 * @param role the role that decided the step
 * @param decidedBy who approved it (a user id)
 * @param decidedAt when it was approved
 * @param remainingSteps how many steps are still to be decided; {@code 0} after the last
 */
public record ApprovalStepApproved(UUID approvalId, int step, String role, String decidedBy, Instant decidedAt,
		int remainingSteps) implements ApprovalEvent {

	public ApprovalStepApproved {
		Objects.requireNonNull(approvalId, "approvalId");
		if (step < 1) {
			throw new IllegalArgumentException("step is 1-based, got " + step);
		}
		Objects.requireNonNull(role, "role");
		Objects.requireNonNull(decidedBy, "decidedBy");
		Objects.requireNonNull(decidedAt, "decidedAt");
		if (remainingSteps < 0) {
			throw new IllegalArgumentException("remainingSteps must not be negative, got " + remainingSteps);
		}
	}

}
