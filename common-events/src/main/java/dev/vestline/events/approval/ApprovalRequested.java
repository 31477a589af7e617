package dev.vestline.events.approval;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.vestline.events.Money;
import org.jspecify.annotations.Nullable;

/**
 * An investor's interest in a deal, or a subscription to it, now waits for a chain of
 * staff decisions.
 *
 * @param approvalId the approval
 * @param dealId the deal
 * @param vehicleId the investment vehicle of the deal
 * @param investorId the investor
 * @param kind deal interest or subscription
 * @param subscriptionId the subscription to approve; set for {@code SUBSCRIPTION}
 * @param amount the amount subscribed; set for {@code SUBSCRIPTION}
 * @param steps the role that decides each step, in order (e.g. {@code compliance}, then
 * {@code operations}); step {@code n} is {@code steps.get(n - 1)}
 * @param requestedBy who requested the approval (a user id)
 * @param requestedAt when it was requested
 * @param expiresAt when it expires unless decided before
 */
public record ApprovalRequested(UUID approvalId, UUID dealId, UUID vehicleId, String investorId, ApprovalKind kind,
		@Nullable UUID subscriptionId, @Nullable Money amount, List<String> steps, String requestedBy,
		Instant requestedAt, Instant expiresAt) implements ApprovalEvent {

	public ApprovalRequested {
		Objects.requireNonNull(approvalId, "approvalId");
		Objects.requireNonNull(dealId, "dealId");
		Objects.requireNonNull(vehicleId, "vehicleId");
		Objects.requireNonNull(investorId, "investorId");
		Objects.requireNonNull(kind, "kind");
		steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
		if (steps.isEmpty()) {
			throw new IllegalArgumentException("an approval has at least one step");
		}
		Objects.requireNonNull(requestedBy, "requestedBy");
		Objects.requireNonNull(requestedAt, "requestedAt");
		Objects.requireNonNull(expiresAt, "expiresAt");
	}

}
