package dev.vestline.events.approval;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Someone asked to cancel a granted approval. Its capacity stays reserved: the signing
 * workflow of the grant decides. The signature service cancels the workflow if it is
 * still open ({@code SigningWorkflowCancelled}), records a workflow that was never opened
 * as failed ({@code SigningWorkflowFailed}), or does nothing when the workflow already
 * ended (its own outcome is already on {@code signature.events}). The approval service
 * then cancels the approval and releases the capacity, or, when signing completed first,
 * executes it and refuses the cancellation.
 *
 * @param approvalId the approval
 * @param dealId the deal
 * @param vehicleId the investment vehicle of the deal
 * @param investorId the investor
 * @param kind deal interest or subscription
 * @param subscriptionId the subscription; set for {@code SUBSCRIPTION}
 * @param grantedAt when the grant to cancel was made (the {@code grantedAt} of its
 * {@code ApprovalGranted}): it names the grant whose workflow is to be cancelled
 * @param reason why the cancellation is asked for, in words a person understands
 * @param requestedBy who asked for it (a user id)
 * @param requestedAt when it was asked for
 */
public record ApprovalCancellationRequested(UUID approvalId, UUID dealId, UUID vehicleId, String investorId,
		ApprovalKind kind, @Nullable UUID subscriptionId, Instant grantedAt, String reason, String requestedBy,
		Instant requestedAt) implements ApprovalEvent {

	public ApprovalCancellationRequested {
		Objects.requireNonNull(approvalId, "approvalId");
		Objects.requireNonNull(dealId, "dealId");
		Objects.requireNonNull(vehicleId, "vehicleId");
		Objects.requireNonNull(investorId, "investorId");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(grantedAt, "grantedAt");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(requestedBy, "requestedBy");
		Objects.requireNonNull(requestedAt, "requestedAt");
	}

}
