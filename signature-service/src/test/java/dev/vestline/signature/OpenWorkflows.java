package dev.vestline.signature;

import java.util.UUID;

import dev.vestline.events.approval.ApprovalGranted;
import dev.vestline.signature.workflows.WorkflowOpening;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Opens workflows the way the approval listener does, without the round trip through
 * Kafka, for tests about what happens next.
 */
public final class OpenWorkflows {

	private final WorkflowOpening opening;

	private final JdbcClient jdbc;

	public OpenWorkflows(WorkflowOpening opening, JdbcClient jdbc) {
		this.opening = opening;
		this.jdbc = jdbc;
	}

	/**
	 * @return the id of a new subscription pack workflow, signed by investor and arranger
	 */
	public UUID subscriptionPack() {
		return open(Grants.subscription(Grants.CONFIGURED_VEHICLE));
	}

	public UUID open(ApprovalGranted grant) {
		this.opening.open(grant);
		return this.jdbc.sql("SELECT id FROM signing_workflow WHERE approval_id = :id")
			.param("id", grant.approvalId())
			.query(UUID.class)
			.single();
	}

	public String status(UUID workflowId) {
		return this.jdbc.sql("SELECT status FROM signing_workflow WHERE id = :id")
			.param("id", workflowId)
			.query(String.class)
			.single();
	}

	public long versions(UUID workflowId) {
		return this.jdbc.sql("SELECT count(*) FROM document_version WHERE workflow_id = :id")
			.param("id", workflowId)
			.query(Long.class)
			.single();
	}

	public long outboxEvents(UUID workflowId, String type) {
		return this.jdbc.sql("""
				SELECT count(*) FROM outbox_event WHERE record_key = :key AND event_type LIKE '%.' || :type || '.v1'
				""").param("key", workflowId.toString()).param("type", type).query(Long.class).single();
	}

	public String signerStatus(UUID workflowId, String role) {
		return this.jdbc.sql("""
				SELECT status FROM signer WHERE workflow_id = :id AND role = :role ORDER BY revision DESC LIMIT 1
				""").param("id", workflowId).param("role", role).query(String.class).single();
	}

}
