package dev.vestline.approval.approvals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.vestline.events.Money;
import dev.vestline.events.approval.ApprovalKind;

/**
 * An approval as its investor sees it: where it stands, the amounts and which steps are
 * done, but not who on the staff decided them, why a step was refused or what went on
 * inside the signing; those are for staff ({@link ApprovalView}).
 *
 * @param id the approval
 * @param dealId the deal
 * @param investorId the investor
 * @param kind deal interest or subscription
 * @param subscriptionId set for a subscription
 * @param amount set for a subscription
 * @param status where it stands
 * @param steps each step's role and whether it is done
 * @param currentStep the step waiting for a decision, while pending
 * @param reserved the capacity it holds, while granted
 * @param requestedAt when it was requested
 * @param expiresAt when it expires unless decided
 * @param grantedAt when the last step was approved
 * @param executedAt when its signing workflow completed
 * @param endedAt when it was rejected, cancelled or expired
 * @param cancellationRequestedAt when a cancellation was asked for while it was granted
 * @param ownReason the reason the investor gave when cancelling it; never a staff reason
 * @param version the ETag, for cancelling
 */
public record InvestorApprovalView(UUID id, UUID dealId, String investorId, ApprovalKind kind,
		@Nullable UUID subscriptionId, @Nullable Money amount, ApprovalStatus status, List<Step> steps,
		@Nullable Integer currentStep, @Nullable Money reserved, Instant requestedAt, Instant expiresAt,
		@Nullable Instant grantedAt, @Nullable Instant executedAt, @Nullable Instant endedAt,
		@Nullable Instant cancellationRequestedAt, @Nullable String ownReason, long version) {

	static InvestorApprovalView of(Approval a, String investor) {
		List<Step> steps = new ArrayList<>();
		for (int i = 0; i < a.steps().size(); i++) {
			steps.add(new Step(i + 1, a.steps().get(i), i < a.deciders().size()));
		}
		String ownReason = investor.equals(a.cancelRequestedBy()) ? a.cancelReason()
				: investor.equals(a.endedBy()) ? a.endReason() : null;
		return new InvestorApprovalView(a.id(), a.dealId(), a.investorId(), a.kind(), a.subscriptionId(), a.amount(),
				a.status(), steps, (a.status() == ApprovalStatus.PENDING) ? a.currentStep() : null, a.reservedMoney(),
				a.requestedAt(), a.expiresAt(), a.grantedAt(), a.executedAt(), a.endedAt(), a.cancelRequestedAt(),
				ownReason, a.version());
	}

	/**
	 * One step of the chain.
	 *
	 * @param step 1-based
	 * @param role which kind of staff decides it
	 * @param done whether it was approved
	 */
	public record Step(int step, String role, boolean done) {
	}

}
