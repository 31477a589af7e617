package dev.vestline.events.signature;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A signer signed the workflow's document, which produced a new version of it, stamped on
 * top of the previous version and chained to it by hash.
 *
 * @param workflowId the signing workflow
 * @param approvalId the approval it carries out
 * @param signerId the signer (a user id)
 * @param signerName the signer's name as stamped on the document
 * @param signerRole the capacity in which the signer signed, e.g. {@code INVESTOR}
 * @param documentVersion the version this signature produced, 1-based
 * @param documentSha256 the SHA-256 of the new version, lowercase hex
 * @param parentSha256 the SHA-256 of the version it was stamped on, lowercase hex
 * @param signedAt when the signer signed
 */
public record DocumentSigned(UUID workflowId, UUID approvalId, String signerId, String signerName, String signerRole,
		int documentVersion, String documentSha256, String parentSha256, Instant signedAt) implements SignatureEvent {

	public DocumentSigned {
		Objects.requireNonNull(workflowId, "workflowId");
		Objects.requireNonNull(approvalId, "approvalId");
		Objects.requireNonNull(signerId, "signerId");
		Objects.requireNonNull(signerName, "signerName");
		Objects.requireNonNull(signerRole, "signerRole");
		if (documentVersion < 1) {
			throw new IllegalArgumentException("documentVersion is 1-based, got " + documentVersion);
		}
		Objects.requireNonNull(documentSha256, "documentSha256");
		Objects.requireNonNull(parentSha256, "parentSha256");
		Objects.requireNonNull(signedAt, "signedAt");
	}

}
