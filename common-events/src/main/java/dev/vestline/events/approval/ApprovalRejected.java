package dev.vestline.events.approval;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A step of an approval was rejected, which ends the approval.
 *
 * @param approvalId the approval
 * @param dealId the deal
 * @param investorId the investor
 * @param kind deal interest or subscription
 * @param step the step that was rejected, 1-based
 * @param role the role that decided the step
 * @param rejectedBy who rejected it (a user id)
 * @param reason why, in words a person understands
 * @param rejectedAt when it was rejected
 */
public record ApprovalRejected(UUID approvalId, UUID dealId, String investorId, ApprovalKind kind, int step,
		String role, String rejectedBy, String reason, Instant rejectedAt) implements ApprovalEvent {

	public ApprovalRejected {
		Objects.requireNonNull(approvalId, "approvalId");
		Objects.requireNonNull(dealId, "dealId");
		Objects.requireNonNull(investorId, "investorId");
		Objects.requireNonNull(kind, "kind");
		if (step < 1) {
			throw new IllegalArgumentException("step is 1-based, got " + step);
		}
		Objects.requireNonNull(role, "role");
		Objects.requireNonNull(rejectedBy, "rejectedBy");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(rejectedAt, "rejectedAt");
	}

}
