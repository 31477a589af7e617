package dev.vestline.signature.signing;

import java.time.Instant;
import java.util.UUID;

import dev.vestline.signature.audit.AuditLog;
import dev.vestline.support.domain.Conflict;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a pending signer a new link, e.g. when the first one expired or got lost: the new
 * token replaces the old one, which stops working, in one conditional update.
 */
@Service
public class LinkRenewal {

	private final Signers signers;

	private final FreshLinks links;

	private final AuditLog audit;

	LinkRenewal(Signers signers, FreshLinks links, AuditLog audit) {
		this.signers = signers;
		this.links = links;
		this.audit = audit;
	}

	/**
	 * @return until when the new link works
	 */
	@Transactional
	public Instant renew(UUID workflowId, String role, String by) {
		FreshLinks.Fresh fresh = this.links.mint();
		Instant expiresAt = fresh.expiresAt();
		Signers.Renewed renewed = this.signers
			.renewLink(workflowId, role, fresh.token().sha256(), fresh.issuedAt(), expiresAt)
			.orElseThrow(() -> new Conflict("Workflow " + workflowId + " has no open " + role
					+ " request waiting for a signature; no link was sent."));
		this.links.send(workflowId, renewed.signerId(), role, fresh, renewed.linkRevision());
		this.audit.record(workflowId, "LINK_RENEWED", by, "new link for the " + role.toLowerCase() + ", valid until "
				+ expiresAt + "; the previous link no longer works");
		return expiresAt;
	}

}
