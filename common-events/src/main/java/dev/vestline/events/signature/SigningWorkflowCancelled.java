package dev.vestline.events.signature;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A signing workflow was cancelled before it completed; the approval service compensates.
 *
 * @param workflowId the signing workflow
 * @param approvalId the approval it was to carry out
 * @param reason why it was cancelled, in words a person understands
 * @param cancelledBy who cancelled it (a user id, or the service)
 * @param cancelledAt when it was cancelled
 */
public record SigningWorkflowCancelled(UUID workflowId, UUID approvalId, String reason, String cancelledBy,
		Instant cancelledAt) implements SignatureEvent {

	public SigningWorkflowCancelled {
		Objects.requireNonNull(workflowId, "workflowId");
		Objects.requireNonNull(approvalId, "approvalId");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(cancelledBy, "cancelledBy");
		Objects.requireNonNull(cancelledAt, "cancelledAt");
	}

}
