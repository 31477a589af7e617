package dev.vestline.signature.signing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.vestline.signature.audit.AuditLog;
import dev.vestline.signature.web.ApiProblem;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a pending signer a new link, e.g. when the first one expired or got lost: the new
 * token replaces the old one, which stops working, in one conditional update.
 */
@Service
class LinkRenewal {

	private final JdbcClient jdbc;

	private final LinkProperties links;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	LinkRenewal(JdbcClient jdbc, LinkProperties links, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.links = links;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * @return until when the new link works
	 */
	@Transactional
	public Instant renew(UUID workflowId, String role, String by) {
		LinkToken token = LinkToken.mint();
		Instant expiresAt = this.clock.instant().plus(this.links.ttl());
		String signerId = this.jdbc.sql("""
				UPDATE signer s SET token_sha256 = :token, link_expires_at = :expiresAt,
				                    link_revision = s.link_revision + 1
				  FROM signing_workflow w
				 WHERE s.workflow_id = w.id AND w.id = :id AND w.status = 'OPEN' AND s.revision = w.revision
				   AND s.role = :role AND s.status = 'PENDING'
				RETURNING s.party_id
				""")
			.param("token", token.sha256())
			.param("expiresAt", Timestamp.from(expiresAt))
			.param("id", workflowId)
			.param("role", role)
			.query(String.class)
			.optional()
			.orElseThrow(() -> ApiProblem.conflict("Workflow " + workflowId + " has no open " + role
					+ " request waiting for a signature; no link was sent."));
		this.events.publishEvent(
				new SigningLinkIssued(workflowId, signerId, role, this.links.linkFor(token.value()), expiresAt));
		this.audit.record(workflowId, "LINK_RENEWED", by, "new link for the " + role.toLowerCase() + ", valid until "
				+ expiresAt + "; the previous link no longer works");
		return expiresAt;
	}

}
