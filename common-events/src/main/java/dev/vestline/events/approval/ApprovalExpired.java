package dev.vestline.events.approval;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A pending approval was not decided before it expired, which ends it.
 *
 * @param approvalId the approval
 * @param dealId the deal
 * @param investorId the investor
 * @param kind deal interest or subscription
 * @param expiredAt when it expired
 */
public record ApprovalExpired(UUID approvalId, UUID dealId, String investorId, ApprovalKind kind,
		Instant expiredAt) implements ApprovalEvent {

	public ApprovalExpired {
		Objects.requireNonNull(approvalId, "approvalId");
		Objects.requireNonNull(dealId, "dealId");
		Objects.requireNonNull(investorId, "investorId");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(expiredAt, "expiredAt");
	}

}
