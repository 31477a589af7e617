package dev.vestline.events.signature;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A signer declined to sign the workflow's document.
 *
 * @param workflowId the signing workflow
 * @param approvalId the approval it carries out
 * @param signerId the signer (a user id)
 * @param signerRole the capacity in which the signer was to sign, e.g. {@code INVESTOR}
 * @param reason why, in the signer's words
 * @param declinedAt when the signer declined
 */
public record SignatureDeclined(UUID workflowId, UUID approvalId, String signerId, String signerRole, String reason,
		Instant declinedAt) implements SignatureEvent {

	public SignatureDeclined {
		Objects.requireNonNull(workflowId, "workflowId");
		Objects.requireNonNull(approvalId, "approvalId");
		Objects.requireNonNull(signerId, "signerId");
		Objects.requireNonNull(signerRole, "signerRole");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(declinedAt, "declinedAt");
	}

}
