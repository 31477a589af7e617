package dev.vestline.signature.workflows;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The state transitions of stored workflows, each one conditional UPDATE on status (and
 * fencing token, version or revision where the caller holds one): a lost race changes no
 * row, and the caller answers 409 or 412.
 */
@Component
public class WorkflowTransitions {

	private final JdbcClient jdbc;

	WorkflowTransitions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Moves the document on by one version and releases the lease, in one conditional
	 * update: only the holder of the current fencing token, on the version it stamped,
	 * while the workflow is open.
	 * @return {@code false} when the lease was lost (taken over, reaped, or the workflow
	 * changed)
	 */
	public boolean advance(UUID id, long fencingToken, int newVersion, Instant now) {
		return this.jdbc.sql("""
				UPDATE signing_workflow
				   SET document_version = :newVersion, version = version + 1, updated_at = :now,
				       lease_holder = NULL, lease_acquired_at = NULL, lease_expires_at = NULL, lease_token = NULL
				 WHERE id = :id AND status = 'OPEN' AND lease_token = :token AND document_version = :newVersion - 1
				""")
			.param("id", id)
			.param("token", fencingToken)
			.param("newVersion", newVersion)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Completes the workflow when every signer of its current revision signed; the status
	 * condition makes it happen once.
	 * @return whether this call completed it
	 */
	public boolean completeIfAllSigned(UUID id, Instant now) {
		return this.jdbc.sql("""
				UPDATE signing_workflow w
				   SET status = 'COMPLETED', completed_at = :now, updated_at = :now, version = version + 1
				 WHERE id = :id AND status = 'OPEN'
				   AND NOT EXISTS (SELECT 1 FROM signer s
				                    WHERE s.workflow_id = w.id AND s.revision = w.revision AND s.status <> 'SIGNED')
				""").param("id", id).param("now", Timestamp.from(now)).update() == 1;
	}

	/**
	 * Ends an open workflow of the given revision, releasing any lease (whose holder then
	 * cannot commit).
	 * @param expectedVersion the version the caller read, or {@code null} for any
	 * @return whether this call ended it
	 */
	public boolean end(UUID id, WorkflowStatus status, String reason, @Nullable Integer expectedVersion,
			@Nullable Integer revision, Instant now) {
		return this.jdbc.sql("""
				UPDATE signing_workflow
				   SET status = :status, status_reason = :reason, version = version + 1, updated_at = :now,
				       lease_holder = NULL, lease_acquired_at = NULL, lease_expires_at = NULL, lease_token = NULL
				 WHERE id = :id AND status = 'OPEN'
				   AND (CAST(:expected AS integer) IS NULL OR version = :expected)
				   AND (CAST(:revision AS integer) IS NULL OR revision = :revision)
				""")
			.param("id", id)
			.param("status", status.name())
			.param("reason", reason)
			.param("expected", expectedVersion, Types.INTEGER)
			.param("revision", revision, Types.INTEGER)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Starts a new terms revision of an open workflow at the version the caller read,
	 * releasing any lease.
	 * @return whether this call reissued it
	 */
	public boolean reissue(UUID id, int expectedVersion, int newDocumentVersion, String amendments, Instant now) {
		return this.jdbc.sql("""
				UPDATE signing_workflow
				   SET revision = revision + 1, amendments = :amendments, document_version = :newVersion,
				       version = version + 1, updated_at = :now,
				       lease_holder = NULL, lease_acquired_at = NULL, lease_expires_at = NULL, lease_token = NULL
				 WHERE id = :id AND status = 'OPEN' AND version = :expected AND document_version = :newVersion - 1
				""")
			.param("id", id)
			.param("amendments", amendments)
			.param("newVersion", newDocumentVersion)
			.param("expected", expectedVersion)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

}
