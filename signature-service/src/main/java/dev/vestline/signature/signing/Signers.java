package dev.vestline.signature.signing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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

	Optional<SignerRequest> byToken(byte[] tokenSha256) {
		return this.jdbc.sql("SELECT * FROM signer WHERE token_sha256 = :token")
			.param("token", tokenSha256)
			.query(Signers::request)
			.optional();
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

	boolean markSigned(UUID id, String typedName, Instant at, int documentVersion) {
		return this.jdbc.sql("""
				UPDATE signer SET status = 'SIGNED', typed_name = :typedName, signed_at = :at,
				                  document_version = :version
				 WHERE id = :id AND status = 'PENDING' AND link_expires_at > :at
				""")
			.param("id", id)
			.param("typedName", typedName)
			.param("at", Timestamp.from(at))
			.param("version", documentVersion)
			.update() == 1;
	}

	boolean markDeclined(UUID id, String reason, Instant at) {
		return this.jdbc.sql("""
				UPDATE signer SET status = 'DECLINED', decline_reason = :reason, declined_at = :at
				 WHERE id = :id AND status = 'PENDING' AND link_expires_at > :at
				""").param("id", id).param("reason", reason).param("at", Timestamp.from(at)).update() == 1;
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
