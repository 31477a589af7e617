package dev.vestline.approval.compensation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.vestline.approval.approvals.Approval;
import dev.vestline.approval.approvals.ApprovalPolicy;
import dev.vestline.approval.approvals.ApprovalRows;

/**
 * The transitions signing outcomes cause, each guarded by version and status, and the
 * first outcome of each signing workflow: the business-level second line behind the
 * inbox, for the same outcome republished under a new event id.
 */
@Repository
class CompensatedApprovals {

	private final JdbcClient jdbc;

	private final ApprovalPolicy policy;

	CompensatedApprovals(JdbcClient jdbc, ApprovalPolicy policy) {
		this.jdbc = jdbc;
		this.policy = policy;
	}

	/** Reads and row-locks an approval, so its outcome is decided on what it is now. */
	Optional<Approval> lock(UUID id) {
		return this.jdbc.sql(ApprovalRows.SELECT + " WHERE a.id = :id FOR UPDATE OF a")
			.param("id", id)
			.query(ApprovalRows::map)
			.optional();
	}

	/**
	 * @return {@code true} when this is the workflow's first outcome
	 */
	boolean recordFirstOutcome(UUID workflow, UUID approval, String outcome, boolean applied, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO workflow_outcome (workflow_id, approval_id, outcome, applied, received_at)
				VALUES (:workflow, :approval, :outcome, :applied, :now)
				ON CONFLICT (workflow_id) DO NOTHING
				""")
			.param("workflow", workflow)
			.param("approval", approval)
			.param("outcome", outcome)
			.param("applied", applied)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Takes a granted approval back to pending on its last step, dropping its reservation
	 * and the last step's decision, with a fresh expiry.
	 */
	boolean reopen(Approval a, String reason, Instant now) {
		int changed = this.jdbc.sql("""
				UPDATE approval
				   SET status = 'PENDING', decided_steps = decided_steps - 1, granted_by = NULL, granted_at = NULL,
				       reserved_amount = NULL, workflow_id = NULL, reopen_reason = :reason, reopened_at = :now,
				       expires_at = :expires,
				       version = version + 1
				 WHERE id = :id AND version = :version AND status = 'GRANTED'
				""")
			.param("reason", reason)
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(this.policy.expiresAfter())))
			.param("id", a.id())
			.param("version", a.version())
			.update();
		if (changed == 1) {
			this.jdbc.sql("DELETE FROM approval_step WHERE approval_id = :id AND step = :step")
				.param("id", a.id())
				.param("step", a.steps().size())
				.update();
		}
		return changed == 1;
	}

	/**
	 * Ties the grant to the first workflow opened for it; outcomes of any other workflow
	 * are then not this grant's.
	 * @return {@code false} when the approval moved on or already has its workflow
	 */
	boolean attachWorkflow(Approval a, UUID workflow) {
		return this.jdbc.sql("""
				UPDATE approval SET workflow_id = :workflow, version = version + 1
				 WHERE id = :id AND version = :version AND status IN ('GRANTED', 'CANCELLING') AND workflow_id IS NULL
				""").param("workflow", workflow).param("id", a.id()).param("version", a.version()).update() == 1;
	}

	boolean execute(Approval a, UUID workflow, Instant now) {
		return this.jdbc
			.sql("""
					UPDATE approval SET status = 'EXECUTED', executed_at = :now, workflow_id = :workflow, version = version + 1
					 WHERE id = :id AND version = :version AND status IN ('GRANTED', 'CANCELLING')
					""")
			.param("now", Timestamp.from(now))
			.param("workflow", workflow)
			.param("id", a.id())
			.param("version", a.version())
			.update() == 1;
	}

}
