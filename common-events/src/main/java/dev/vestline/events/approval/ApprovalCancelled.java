package dev.vestline.events.approval;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.vestline.events.Money;
import org.jspecify.annotations.Nullable;

/**
 * An approval was cancelled, by a person or as compensation for work that did not happen;
 * any reserved capacity was released.
 *
 * @param approvalId the approval
 * @param dealId the deal
 * @param investorId the investor
 * @param kind deal interest or subscription
 * @param subscriptionId the subscription; set for {@code SUBSCRIPTION}
 * @param releasedAmount the capacity given back to the deal; set when a subscription's
 * amount had been reserved
 * @param reason why it was cancelled, in words a person understands
 * @param cancelledBy who cancelled it (a user id, or the service for a compensation)
 * @param cancelledAt when it was cancelled
 */
public record ApprovalCancelled(UUID approvalId, UUID dealId, String investorId, ApprovalKind kind,
		@Nullable UUID subscriptionId, @Nullable Money releasedAmount, String reason, String cancelledBy,
		Instant cancelledAt) implements ApprovalEvent {

	public ApprovalCancelled {
		Objects.requireNonNull(approvalId, "approvalId");
		Objects.requireNonNull(dealId, "dealId");
		Objects.requireNonNull(investorId, "investorId");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(cancelledBy, "cancelledBy");
		Objects.requireNonNull(cancelledAt, "cancelledAt");
	}

}
