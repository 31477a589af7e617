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
public class LinkRenewal {

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
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.links.ttl());
		Renewed renewed = this.jdbc.sql("""
				UPDATE signer s SET token_sha256 = :token, link_expires_at = :expiresAt, link_issued_at = :now,
				                    link_revision = s.link_revision + 1, reminders_sent = 0, expiry_mailed = false
				  FROM signing_workflow w
				 WHERE s.workflow_id = w.id AND w.id = :id AND w.status = 'OPEN' AND s.revision = w.revision
				   AND s.role = :role AND s.status = 'PENDING'
				RETURNING s.party_id, s.link_revision
				""")
			.param("token", token.sha256())
			.param("expiresAt", Timestamp.from(expiresAt))
			.param("now", Timestamp.from(now))
			.param("id", workflowId)
			.param("role", role)
			.query((rs, row) -> new Renewed(rs.getString("party_id"), rs.getInt("link_revision")))
			.optional()
			.orElseThrow(() -> ApiProblem.conflict("Workflow " + workflowId + " has no open " + role
					+ " request waiting for a signature; no link was sent."));
		this.events.publishEvent(new SigningLinkIssued(workflowId, renewed.signerId(), role,
				this.links.linkFor(token.value()), expiresAt, renewed.linkRevision(), false));
		this.audit.record(workflowId, "LINK_RENEWED", by, "new link for the " + role.toLowerCase() + ", valid until "
				+ expiresAt + "; the previous link no longer works");
		return expiresAt;
	}

	private record Renewed(String signerId, int linkRevision) {
	}

}
