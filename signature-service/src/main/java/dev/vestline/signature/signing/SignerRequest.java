package dev.vestline.signature.signing;

import java.time.Instant;
import java.util.UUID;

import dev.vestline.events.signature.Signer;
import org.jspecify.annotations.Nullable;

/**
 * One party's request to sign one revision of a workflow's document.
 *
 * @param id the request (the signer row)
 * @param workflowId the workflow
 * @param revision the terms revision
 * @param signer who, and in which role
 * @param slot where the stamp goes on the page
 * @param linkExpiresAt until when the link works
 * @param status where it stands
 * @param typedName the name typed when signing
 * @param signedAt when signed
 * @param documentVersion the version the signature produced
 * @param declineReason why declined
 */
public record SignerRequest(UUID id, UUID workflowId, int revision, Signer signer, int slot, Instant linkExpiresAt,
		SignerStatus status, @Nullable String typedName, @Nullable Instant signedAt, @Nullable Integer documentVersion,
		@Nullable String declineReason) {

}
