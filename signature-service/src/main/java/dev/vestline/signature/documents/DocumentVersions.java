package dev.vestline.signature.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored versions of workflow documents. The table's keys and constraints keep the
 * chain linear: one version per number, each on the previous one's hash, none forked.
 */
@Component
public class DocumentVersions {

	private final JdbcClient jdbc;

	DocumentVersions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a version; its hash is computed here and checked again by the database.
	 * @param workflowId the workflow
	 * @param version the new version number
	 * @param revision the terms revision
	 * @param content the PDF
	 * @param parent the version it was made from, or {@code null} for version 1
	 * @param signerId the signature that produced it, or {@code null}
	 * @param at when
	 * @return the stored version
	 */
	public DocumentVersion add(UUID workflowId, int version, int revision, byte[] content,
			@Nullable DocumentVersion parent, @Nullable UUID signerId, Instant at) {
		String sha256 = Sha256.hex(content);
		this.jdbc.sql("""
				INSERT INTO document_version (workflow_id, version, revision, content, sha256, parent_version,
				                              parent_sha256, signer_id, created_at)
				VALUES (:workflowId, :version, :revision, :content, :sha256, :parentVersion, :parentSha256,
				        :signerId, :at)
				""")
			.param("workflowId", workflowId)
			.param("version", version)
			.param("revision", revision)
			.param("content", content)
			.param("sha256", sha256)
			.param("parentVersion", (parent != null) ? parent.version() : null, Types.INTEGER)
			.param("parentSha256", (parent != null) ? parent.sha256() : null, Types.VARCHAR)
			.param("signerId", signerId, Types.OTHER)
			.param("at", Timestamp.from(at))
			.update();
		return new DocumentVersion(version, revision, sha256, (parent != null) ? parent.sha256() : null, signerId, at);
	}

	/**
	 * @param workflowId the workflow
	 * @return every version, oldest first
	 */
	public List<DocumentVersion> of(UUID workflowId) {
		return this.jdbc.sql("""
				SELECT version, revision, sha256, parent_sha256, signer_id, created_at
				  FROM document_version WHERE workflow_id = :id ORDER BY version
				""").param("id", workflowId).query(DocumentVersions::version).list();
	}

	/**
	 * @param workflowId the workflow
	 * @param version the version
	 * @return the version and its bytes
	 */
	public Optional<Content> content(UUID workflowId, int version) {
		return this.jdbc.sql("""
				SELECT version, revision, sha256, parent_sha256, signer_id, created_at, content
				  FROM document_version WHERE workflow_id = :id AND version = :version
				""")
			.param("id", workflowId)
			.param("version", version)
			.query((rs, row) -> new Content(version(rs, row), rs.getBytes("content")))
			.optional();
	}

	private static DocumentVersion version(ResultSet rs, int row) throws SQLException {
		return new DocumentVersion(rs.getInt("version"), rs.getInt("revision"), rs.getString("sha256"),
				rs.getString("parent_sha256"), rs.getObject("signer_id", UUID.class),
				rs.getTimestamp("created_at").toInstant());
	}

	/**
	 * A version with its bytes.
	 *
	 * @param version the version
	 * @param bytes the PDF
	 */
	public record Content(DocumentVersion version, byte[] bytes) {

	}

}
