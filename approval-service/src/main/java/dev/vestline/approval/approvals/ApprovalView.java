package dev.vestline.approval.approvals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.vestline.approval.web.Caller;
import dev.vestline.events.Money;
import dev.vestline.events.approval.ApprovalKind;

/**
 * An approval as the API shows it.
 *
 * @param id the approval
 * @param dealId the deal
 * @param vehicleId the deal's vehicle
 * @param investorId the investor
 * @param kind deal interest or subscription
 * @param subscriptionId set for a subscription
 * @param amount set for a subscription
 * @param status where it stands
 * @param steps each step's role and, once approved, who approved it
 * @param currentStep the step waiting for a decision, while pending
 * @param reserved the capacity it holds, while granted
 * @param requestedBy who requested it
 * @param requestedAt when
 * @param expiresAt when it expires unless decided
 * @param grantedBy who decided the last step
 * @param grantedAt when
 * @param executedAt when its signing workflow completed
 * @param workflowId the signing workflow carrying out the current grant, once opened
 * @param endedBy who rejected, cancelled or expired it
 * @param endedAt when
 * @param endReason why
 * @param reopenReason why it was last reopened
 * @param cancellationRequestedBy who asked to cancel it while granted (it is then
 * {@code CANCELLING}; kept when signing completed first and the cancellation was refused)
 * @param cancellationRequestedAt when
 * @param cancellationReason why
 * @param version the ETag
 */
public record ApprovalView(UUID id, UUID dealId, UUID vehicleId, String investorId, ApprovalKind kind,
		@Nullable UUID subscriptionId, @Nullable Money amount, ApprovalStatus status, List<Step> steps,
		@Nullable Integer currentStep, @Nullable Money reserved, String requestedBy, Instant requestedAt,
		Instant expiresAt, @Nullable String grantedBy, @Nullable Instant grantedAt, @Nullable Instant executedAt,
		@Nullable UUID workflowId, @Nullable String endedBy, @Nullable Instant endedAt, @Nullable String endReason,
		@Nullable String reopenReason, @Nullable String cancellationRequestedBy,
		@Nullable Instant cancellationRequestedAt, @Nullable String cancellationReason, long version) {

	/**
	 * What the caller may see: staff everything, an investor
	 * {@link InvestorApprovalView}.
	 */
	static Object of(Approval a, Caller caller) {
		return caller.isStaff() ? of(a) : InvestorApprovalView.of(a, caller.id());
	}

	static ApprovalView of(Approval a) {
		List<Step> steps = new ArrayList<>();
		for (int i = 0; i < a.steps().size(); i++) {
			steps.add(new Step(i + 1, a.steps().get(i), (i < a.deciders().size()) ? a.deciders().get(i) : null));
		}
		return new ApprovalView(a.id(), a.dealId(), a.vehicleId(), a.investorId(), a.kind(), a.subscriptionId(),
				a.amount(), a.status(), steps, (a.status() == ApprovalStatus.PENDING) ? a.currentStep() : null,
				a.reservedMoney(), a.requestedBy(), a.requestedAt(), a.expiresAt(), a.grantedBy(), a.grantedAt(),
				a.executedAt(), a.workflowId(), a.endedBy(), a.endedAt(), a.endReason(), a.reopenReason(),
				a.cancelRequestedBy(), a.cancelRequestedAt(), a.cancelReason(), a.version());
	}

	/**
	 * One step of the chain.
	 *
	 * @param step 1-based
	 * @param role who decides it
	 * @param approvedBy who approved it, once approved
	 */
	public record Step(int step, String role, @Nullable String approvedBy) {
	}

	/**
	 * One page of approvals, newest first.
	 *
	 * @param items the approvals
	 * @param next the cursor of the next page ({@code after}), absent on the last
	 */
	public record Page(List<?> items, @Nullable String next) {
	}

}
