package dev.vestline.signature.sealing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored sealed documents: one per workflow (the primary key), inserted only for a
 * completed workflow on its final version, and never changed.
 */
@Component
public class SealedDocuments {

	private final JdbcClient jdbc;

	SealedDocuments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a seal unless the workflow has one already: of two replicas (or a retry and
	 * the sweep) that sealed the same completion, the first to commit wins and the other
	 * stores nothing.
	 * @return whether this call stored it
	 */
	boolean insertIfAbsent(SealedDocument sealed) {
		return this.jdbc.sql("""
				INSERT INTO sealed_document (workflow_id, final_version, final_sha256, final_length, content, sha256,
				                             certificate, certificate_sha256, sealed_with, sealed_at)
				SELECT w.id, :finalVersion, :finalSha256, :finalLength, :content, :sha256, :certificate,
				       :certificateSha256, :sealedWith, :sealedAt
				  FROM signing_workflow w
				 WHERE w.id = :workflowId AND w.status = 'COMPLETED' AND w.document_version = :finalVersion
				ON CONFLICT (workflow_id) DO NOTHING
				""")
			.param("workflowId", sealed.workflowId())
			.param("finalVersion", sealed.finalVersion())
			.param("finalSha256", sealed.finalSha256())
			.param("finalLength", sealed.finalLength())
			.param("content", sealed.content())
			.param("sha256", sealed.sha256())
			.param("certificate", sealed.certificate())
			.param("certificateSha256", sealed.certificateSha256())
			.param("sealedWith", sealed.sealedWith())
			.param("sealedAt", Timestamp.from(sealed.sealedAt()))
			.update() == 1;
	}

	public Optional<SealedDocument> find(UUID workflowId) {
		return this.jdbc.sql("SELECT * FROM sealed_document WHERE workflow_id = :id")
			.param("id", workflowId)
			.query(SealedDocuments::sealed)
			.optional();
	}

	/**
	 * @return completed workflows without a seal, the longest waiting first
	 */
	List<UUID> unsealed(int limit) {
		return this.jdbc.sql("""
				SELECT w.id FROM signing_workflow w
				 WHERE w.status = 'COMPLETED'
				   AND NOT EXISTS (SELECT 1 FROM sealed_document s WHERE s.workflow_id = w.id)
				 ORDER BY w.completed_at
				 LIMIT :limit
				""").param("limit", limit).query(UUID.class).list();
	}

	private static SealedDocument sealed(ResultSet rs, int row) throws SQLException {
		return new SealedDocument(rs.getObject("workflow_id", UUID.class), rs.getInt("final_version"),
				rs.getString("final_sha256"), rs.getInt("final_length"), rs.getBytes("content"),
				rs.getBytes("certificate"), rs.getString("sealed_with"), rs.getTimestamp("sealed_at").toInstant());
	}

}
