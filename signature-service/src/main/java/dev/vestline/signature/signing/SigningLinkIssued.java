package dev.vestline.signature.signing;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * A signing link was issued and must reach its signer; published in-process, and its mail
 * is written in the issuing transaction. This and that mail are the only places the token
 * exists in clear.
 *
 * @param workflowId the workflow
 * @param signerId the signer's user id
 * @param role the signer's role
 * @param link the link, token included
 * @param expiresAt until when it works
 * @param linkRevision the how-manieth link of this role in this workflow: each is its own
 * mail
 * @param reminder whether the link reminds a signer who has not signed yet
 */
public record SigningLinkIssued(UUID workflowId, String signerId, String role, URI link, Instant expiresAt,
		int linkRevision, boolean reminder) {

}
