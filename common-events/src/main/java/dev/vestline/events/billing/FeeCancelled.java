package dev.vestline.events.billing;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An accrued fee was cancelled; only now may a new fee of its type (and period) be
 * accrued on the subscription.
 *
 * @param feeId the fee
 * @param subscriptionId the subscription it was accrued on, the record key
 * @param feeType the kind of fee
 * @param period the period a management fee covered; absent for a subscription fee
 * @param reason why it was cancelled, in words a person understands
 * @param cancelledBy who cancelled it (a user id)
 * @param cancelledAt when it was cancelled
 */
public record FeeCancelled(UUID feeId, UUID subscriptionId, FeeType feeType, @Nullable String period, String reason,
		String cancelledBy, Instant cancelledAt) implements BillingEvent {

	public FeeCancelled {
		Objects.requireNonNull(feeId, "feeId");
		Objects.requireNonNull(subscriptionId, "subscriptionId");
		Objects.requireNonNull(feeType, "feeType");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(cancelledBy, "cancelledBy");
		Objects.requireNonNull(cancelledAt, "cancelledAt");
	}

	@Override
	public String aggregateId() {
		return this.subscriptionId.toString();
	}

}
