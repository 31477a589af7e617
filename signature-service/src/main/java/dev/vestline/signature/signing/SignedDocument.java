package dev.vestline.signature.signing;

import java.time.Instant;
import java.util.UUID;

/**
 * What a signature produced.
 *
 * @param workflowId the workflow
 * @param documentVersion the new version
 * @param documentSha256 its hash
 * @param parentSha256 the hash of the version it was stamped on
 * @param signedAt when
 * @param workflowCompleted whether this was the last signature
 */
public record SignedDocument(UUID workflowId, int documentVersion, String documentSha256, String parentSha256,
		Instant signedAt, boolean workflowCompleted) {

}
