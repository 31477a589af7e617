package dev.vestline.events.signature;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A signing workflow could not be created or could not go on; the approval service
 * compensates.
 *
 * @param workflowId the signing workflow (minted even when creating it failed)
 * @param approvalId the approval it was to carry out
 * @param reason what went wrong, in words a person understands
 * @param failedAt when it failed
 */
public record SigningWorkflowFailed(UUID workflowId, UUID approvalId, String reason,
		Instant failedAt) implements SignatureEvent {

	public SigningWorkflowFailed {
		Objects.requireNonNull(workflowId, "workflowId");
		Objects.requireNonNull(approvalId, "approvalId");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(failedAt, "failedAt");
	}

}
