package dev.vestline.signature.sealing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.vestline.signature.documents.DocumentVersions;
import dev.vestline.signature.workflows.SigningWorkflow;
import dev.vestline.signature.workflows.WorkflowStatus;
import dev.vestline.signature.workflows.Workflows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what a completed workflow's certificate states, in one read-only transaction.
 */
@Component
@Transactional(readOnly = true)
class Completions {

	private final Workflows workflows;

	private final DocumentVersions documents;

	private final JdbcClient jdbc;

	Completions(Workflows workflows, DocumentVersions documents, JdbcClient jdbc) {
		this.workflows = workflows;
		this.documents = documents;
		this.jdbc = jdbc;
	}

	/**
	 * @return the completion, or empty when the workflow does not exist or is not
	 * completed
	 */
	Optional<Completion> of(UUID workflowId) {
		return this.workflows.find(workflowId)
			.filter((workflow) -> workflow.status() == WorkflowStatus.COMPLETED)
			.map(this::of);
	}

	private Completion of(SigningWorkflow workflow) {
		List<Completion.Signature> signers = this.jdbc.sql("""
				SELECT role, party_name, party_id, typed_name, link_sent_to, link_revision, revision, consent_version,
				       signed_at, signed_from, signed_user_agent, document_version
				  FROM signer
				 WHERE workflow_id = :id AND revision = :revision AND status = 'SIGNED'
				 ORDER BY document_version
				""")
			.param("id", workflow.id())
			.param("revision", workflow.revision())
			.query(Completions::signature)
			.list();
		return new Completion(workflow, signers, this.documents.of(workflow.id()),
				this.documents.content(workflow.id(), workflow.documentVersion()).orElseThrow());
	}

	private static Completion.Signature signature(ResultSet rs, int row) throws SQLException {
		return new Completion.Signature(rs.getString("role"), rs.getString("party_name"), rs.getString("party_id"),
				rs.getString("typed_name"), rs.getString("link_sent_to"), rs.getInt("link_revision"),
				rs.getInt("revision"), rs.getString("consent_version"), rs.getTimestamp("signed_at").toInstant(),
				rs.getString("signed_from"), rs.getString("signed_user_agent"), rs.getInt("document_version"));
	}

}
