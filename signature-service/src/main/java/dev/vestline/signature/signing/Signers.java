package dev.vestline.signature.signing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.vestline.events.signature.Signer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored signer requests. A link is used by one conditional update from
 * {@code PENDING}, so it signs or declines once.
 */
@Component
public class Signers {

	private final JdbcClient jdbc;

	Signers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return the link's revision: one more than the role's links in this workflow so far
	 */
	int add(UUID id, UUID workflowId, int revision, Signer signer, int slot, byte[] tokenSha256, Instant issuedAt,
			Instant linkExpiresAt) {
		return this.jdbc.sql("""
				INSERT INTO signer (id, workflow_id, revision, party_id, party_name, role, ordinal, token_sha256,
				                    link_issued_at, link_expires_at, status, link_revision)
				VALUES (:id, :workflowId, :revision, :partyId, :name, :role, :slot, :token, :issuedAt, :expiresAt,
				        'PENDING', (SELECT COALESCE(max(link_revision), 0) + 1 FROM signer
				                     WHERE workflow_id = :workflowId AND role = :role))
				RETURNING link_revision
				""")
			.param("id", id)
			.param("workflowId", workflowId)
			.param("revision", revision)
			.param("partyId", signer.signerId())
			.param("name", signer.name())
			.param("role", signer.role())
			.param("slot", slot)
			.param("token", tokenSha256)
			.param("issuedAt", Timestamp.from(issuedAt))
			.param("expiresAt", Timestamp.from(linkExpiresAt))
			.query(Integer.class)
			.single();
	}

	/**
	 * Records where a link was mailed, in the transaction that issued it: the identity
	 * evidence the certificate of completion states for the signature made with it.
	 * @param workflowId the workflow
	 * @param role the signer's role
	 * @param linkRevision the link
	 * @param address the address its mail went to
	 */
	public void linkSentTo(UUID workflowId, String role, int linkRevision, String address) {
		this.jdbc.sql("""
				UPDATE signer SET link_sent_to = :address
				 WHERE workflow_id = :workflowId AND role = :role AND link_revision = :linkRevision
				""")
			.param("address", address)
			.param("workflowId", workflowId)
			.param("role", role)
			.param("linkRevision", linkRevision)
			.update();
	}

	Optional<SignerRequest> byToken(byte[] tokenSha256) {
		return this.jdbc.sql("SELECT * FROM signer WHERE token_sha256 = :token")
			.param("token", tokenSha256)
			.query(Signers::request)
			.optional();
	}

	/**
	 * @param tokenSha256 the hash of a link a newer one replaced
	 * @return the request the link was for, as it is now
	 */
	Optional<SignerRequest> byReplacedToken(byte[] tokenSha256) {
		return this.jdbc.sql("""
				SELECT s.* FROM signer s JOIN replaced_link r ON r.signer_id = s.id
				WHERE r.token_sha256 = :token
				""").param("token", tokenSha256).query(Signers::request).optional();
	}

	Optional<SignerRequest> find(UUID id) {
		return this.jdbc.sql("SELECT * FROM signer WHERE id = :id").param("id", id).query(Signers::request).optional();
	}

	/**
	 * @param workflowId the workflow
	 * @return its requests of every revision, by revision and slot
	 */
	public List<SignerRequest> of(UUID workflowId) {
		return this.jdbc.sql("SELECT * FROM signer WHERE workflow_id = :id ORDER BY revision, ordinal")
			.param("id", workflowId)
			.query(Signers::request)
			.list();
	}

	boolean markSigned(UUID id, String typedName, Instant at, int documentVersion, SignatureEvidence evidence) {
		return this.jdbc.sql("""
				UPDATE signer SET status = 'SIGNED', typed_name = :typedName, signed_at = :at,
				                  document_version = :version, consent_version = :consentVersion,
				                  signed_from = :from, signed_user_agent = :userAgent
				 WHERE id = :id AND status = 'PENDING' AND link_expires_at > :at
				""")
			.param("id", id)
			.param("typedName", typedName)
			.param("at", Timestamp.from(at))
			.param("version", documentVersion)
			.param("consentVersion", evidence.consentVersion(), Types.VARCHAR)
			.param("from", evidence.remoteAddress(), Types.VARCHAR)
			.param("userAgent", evidence.userAgent(), Types.VARCHAR)
			.update() == 1;
	}

	boolean markDeclined(UUID id, String reason, Instant at) {
		return this.jdbc.sql("""
				UPDATE signer SET status = 'DECLINED', decline_reason = :reason, declined_at = :at
				 WHERE id = :id AND status = 'PENDING' AND link_expires_at > :at
				""").param("id", id).param("reason", reason).param("at", Timestamp.from(at)).update() == 1;
	}

	/**
	 * Gives the pending request of a role in an open workflow's current revision a new
	 * link, which replaces the old one; the link's revision counts up and its reminders
	 * start again.
	 * @return the signer's id and the link's revision, or empty when no such request
	 * waits for a signature
	 */
	Optional<Renewed> renewLink(UUID workflowId, String role, byte[] tokenSha256, Instant issuedAt, Instant expiresAt) {
		return this.jdbc.sql("""
				UPDATE signer s SET token_sha256 = :token, link_expires_at = :expiresAt, link_issued_at = :now,
				                    link_revision = s.link_revision + 1, reminders_sent = 0, expiry_mailed = false
				  FROM signing_workflow w
				 WHERE s.workflow_id = w.id AND w.id = :id AND w.status = 'OPEN' AND s.revision = w.revision
				   AND s.role = :role AND s.status = 'PENDING'
				RETURNING s.party_id, s.link_revision
				""")
			.param("token", tokenSha256)
			.param("expiresAt", Timestamp.from(expiresAt))
			.param("now", Timestamp.from(issuedAt))
			.param("id", workflowId)
			.param("role", role)
			.query((rs, row) -> new Renewed(rs.getString("party_id"), rs.getInt("link_revision")))
			.optional();
	}

	/**
	 * @param signerId the signer whose link was renewed
	 * @param linkRevision the new link's revision
	 */
	record Renewed(String signerId, int linkRevision) {
	}

	/**
	 * Voids the requests of a revision that a reissue replaced: their links stop working.
	 */
	public void voidRevision(UUID workflowId, int revision) {
		this.jdbc.sql("UPDATE signer SET status = 'VOID' WHERE workflow_id = :id AND revision = :revision")
			.param("id", workflowId)
			.param("revision", revision)
			.update();
	}

	private static SignerRequest request(ResultSet rs, int row) throws SQLException {
		Timestamp signedAt = rs.getTimestamp("signed_at");
		return new SignerRequest(rs.getObject("id", UUID.class), rs.getObject("workflow_id", UUID.class),
				rs.getInt("revision"),
				new Signer(rs.getString("party_id"), rs.getString("party_name"), rs.getString("role")),
				rs.getInt("ordinal"), rs.getTimestamp("link_expires_at").toInstant(),
				SignerStatus.valueOf(rs.getString("status")), rs.getString("typed_name"),
				(signedAt != null) ? signedAt.toInstant() : null, rs.getObject("document_version", Integer.class),
				rs.getString("decline_reason"));
	}

}
