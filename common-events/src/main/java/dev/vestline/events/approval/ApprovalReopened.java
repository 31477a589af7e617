package dev.vestline.events.approval;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.vestline.events.Money;
import org.jspecify.annotations.Nullable;

/**
 * A granted approval was reopened because the work it granted did not happen (its signing
 * workflow could not be created, was cancelled or failed); any reserved capacity was
 * released.
 *
 * @param approvalId the approval
 * @param dealId the deal
 * @param investorId the investor
 * @param kind deal interest or subscription
 * @param reason why it was reopened, in words a person understands
 * @param releasedAmount the capacity given back to the deal; set when a subscription's
 * amount was released
 * @param causeWorkflowId the signing workflow whose outcome caused the reopening, if any
 * @param reopenedAt when it was reopened
 */
public record ApprovalReopened(UUID approvalId, UUID dealId, String investorId, ApprovalKind kind, String reason,
		@Nullable Money releasedAmount, @Nullable UUID causeWorkflowId, Instant reopenedAt) implements ApprovalEvent {

	public ApprovalReopened {
		Objects.requireNonNull(approvalId, "approvalId");
		Objects.requireNonNull(dealId, "dealId");
		Objects.requireNonNull(investorId, "investorId");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(reopenedAt, "reopenedAt");
	}

}
