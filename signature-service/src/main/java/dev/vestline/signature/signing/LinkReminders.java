package dev.vestline.signature.signing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds signers who have not signed, and tells those whose link expired. Safe with many
 * replicas: each reminder and each expiry notice is one conditional update on what the
 * caller read, so one replica wins and the others change nothing.
 */
@Component
public class LinkReminders {

	private static final int BATCH = 100;

	private final JdbcClient jdbc;

	private final LinkProperties links;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	LinkReminders(JdbcClient jdbc, LinkProperties links, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.links = links;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @param every how long after the current link a reminder is due
	 * @param max at most this many reminders per link renewal
	 * @return the pending requests of open workflows due a reminder
	 */
	public List<PendingLink> dueForReminder(Duration every, int max) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				SELECT s.id, s.workflow_id, s.role, s.link_revision FROM signer s
				  JOIN signing_workflow w ON w.id = s.workflow_id AND w.revision = s.revision AND w.status = 'OPEN'
				 WHERE s.status = 'PENDING' AND s.link_expires_at > :now AND s.reminders_sent < :max
				   AND s.link_issued_at <= :due
				 LIMIT :limit
				""")
			.param("now", Timestamp.from(now))
			.param("max", max)
			.param("due", Timestamp.from(now.minus(every)))
			.param("limit", BATCH)
			.query(PendingLink.class)
			.list();
	}

	/**
	 * Sends the signer a fresh link, reminding them; the earlier link stops working, the
	 * deadline stays.
	 * @return whether this call reminded them (another replica may have been first)
	 */
	@Transactional
	public boolean remind(PendingLink pending) {
		LinkToken token = LinkToken.mint();
		return this.jdbc.sql("""
				UPDATE signer SET token_sha256 = :token, link_issued_at = :now, link_revision = link_revision + 1,
				                  reminders_sent = reminders_sent + 1
				 WHERE id = :id AND status = 'PENDING' AND link_revision = :revision
				RETURNING party_id, link_expires_at, link_revision
				""")
			.param("token", token.sha256())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", pending.id())
			.param("revision", pending.linkRevision())
			.query((rs, row) -> new SigningLinkIssued(pending.workflowId(), rs.getString("party_id"), pending.role(),
					this.links.linkFor(token.value()), rs.getTimestamp("link_expires_at").toInstant(),
					rs.getInt("link_revision"), true))
			.optional()
			.map((issued) -> {
				this.events.publishEvent(issued);
				return true;
			})
			.orElse(false);
	}

	/**
	 * @return pending requests of open workflows whose link expired and was not mailed
	 * about yet
	 */
	public List<PendingLink> expiredUnmailed() {
		return this.jdbc.sql("""
				SELECT s.id, s.workflow_id, s.role, s.link_revision FROM signer s
				  JOIN signing_workflow w ON w.id = s.workflow_id AND w.revision = s.revision AND w.status = 'OPEN'
				 WHERE s.status = 'PENDING' AND s.link_expires_at <= :now AND NOT s.expiry_mailed
				 LIMIT :limit
				""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("limit", BATCH)
			.query(PendingLink.class)
			.list();
	}

	/**
	 * Records that the signer is told their link expired, and tells listeners in the same
	 * transaction.
	 * @return whether this call did (another replica may have been first)
	 */
	@Transactional
	public boolean expired(PendingLink pending) {
		boolean marked = this.jdbc.sql("""
				UPDATE signer SET expiry_mailed = true
				 WHERE id = :id AND status = 'PENDING' AND link_revision = :revision AND NOT expiry_mailed
				""").param("id", pending.id()).param("revision", pending.linkRevision()).update() == 1;
		if (marked) {
			this.events
				.publishEvent(new SigningLinkExpired(pending.workflowId(), pending.role(), pending.linkRevision()));
		}
		return marked;
	}

	/**
	 * A signer's pending request, as read.
	 *
	 * @param id the signer row
	 * @param workflowId the workflow
	 * @param role the signer's role
	 * @param linkRevision the revision of the link read
	 */
	public record PendingLink(UUID id, UUID workflowId, String role, int linkRevision) {
	}

	/**
	 * A signer's link expired before they signed; published in-process in the transaction
	 * that records it.
	 *
	 * @param workflowId the workflow
	 * @param role the signer's role
	 * @param linkRevision the revision of the expired link
	 */
	public record SigningLinkExpired(UUID workflowId, String role, int linkRevision) {
	}

}
