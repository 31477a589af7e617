package dev.vestline.approval.approvals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.vestline.events.Money;
import dev.vestline.events.approval.ApprovalKind;

/**
 * An approval as stored: its chain of steps, who approved which, and where it stands.
 * Transitions happen in {@link Approvals}, each as one guarded update.
 *
 * @param id the approval, a UUIDv7
 * @param dealId the deal
 * @param vehicleId the deal's vehicle
 * @param investorId the investor
 * @param kind deal interest or subscription
 * @param subscriptionId set for a subscription
 * @param amount set for a subscription
 * @param steps the role of each step, in order
 * @param deciders who approved each decided step, in order
 * @param status where it stands
 * @param reservedAmount what it holds against the deal's capacity, while granted
 * @param requestedBy who requested it
 * @param requestedAt when
 * @param expiresAt when it expires unless decided
 * @param grantedBy who decided the last step
 * @param grantedAt when
 * @param executedAt when its signing workflow completed
 * @param workflowId the signing workflow that completed it
 * @param endedBy who rejected, cancelled or expired it
 * @param endedAt when
 * @param endReason why
 * @param reopenReason why it was last reopened
 * @param reopenedAt when
 * @param cancelRequestedBy who asked to cancel it while it was granted
 * @param cancelRequestedAt when
 * @param cancelReason why
 * @param version the ETag
 */
public record Approval(UUID id, UUID dealId, UUID vehicleId, String investorId, ApprovalKind kind,
		@Nullable UUID subscriptionId, @Nullable Money amount, List<String> steps, List<String> deciders,
		ApprovalStatus status, @Nullable BigDecimal reservedAmount, String requestedBy, Instant requestedAt,
		Instant expiresAt, @Nullable String grantedBy, @Nullable Instant grantedAt, @Nullable Instant executedAt,
		@Nullable UUID workflowId, @Nullable String endedBy, @Nullable Instant endedAt, @Nullable String endReason,
		@Nullable String reopenReason, @Nullable Instant reopenedAt, @Nullable String cancelRequestedBy,
		@Nullable Instant cancelRequestedAt, @Nullable String cancelReason, long version) {

	/** The step waiting for a decision, 1-based. */
	public int currentStep() {
		return this.deciders.size() + 1;
	}

	/** The role that decides the current step. */
	public String currentRole() {
		return this.steps.get(this.deciders.size());
	}

	public boolean isLastStep() {
		return currentStep() == this.steps.size();
	}

	public boolean isOverdueAt(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

	public boolean hasDecided(String user) {
		return this.deciders.contains(user);
	}

	/** The capacity it holds, as money in the deal's currency. */
	public @Nullable Money reservedMoney() {
		return (this.reservedAmount != null && this.amount != null)
				? new Money(this.reservedAmount, this.amount.currency()) : null;
	}

}
