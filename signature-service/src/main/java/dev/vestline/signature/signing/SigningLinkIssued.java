package dev.vestline.signature.signing;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * A signing link was issued and must reach its signer; published in-process and handled
 * after the issuing transaction commits. This is the only place the token exists in
 * clear.
 *
 * @param workflowId the workflow
 * @param signerId the signer's user id
 * @param role the signer's role
 * @param link the link, token included
 * @param expiresAt until when it works
 */
public record SigningLinkIssued(UUID workflowId, String signerId, String role, URI link, Instant expiresAt) {

}
