package dev.vestline.approval.compensation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The first outcome of each signing workflow: the business-level second line behind the
 * inbox, for the same outcome republished under a new event id.
 */
@Repository
class WorkflowOutcomes {

	private final JdbcClient jdbc;

	WorkflowOutcomes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return {@code true} when this is the workflow's first outcome
	 */
	boolean recordFirst(UUID workflow, UUID approval, String outcome, boolean applied, Instant now) {
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

}
