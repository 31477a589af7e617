package dev.vestline.approval.audit;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends to {@code approval_audit}: in the caller's transaction for what happened, in a
 * transaction of its own for what was refused (whose own transaction rolled back).
 */
@Component
public class AuditLog {

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	AuditLog(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Records what happened, committing or rolling back with it. */
	public void record(AuditEntry entry) {
		this.jdbc.sql("""
				INSERT INTO approval_audit (approval_id, action, actor, at, step, status, reason)
				VALUES (:approval, :action, :actor, :at, :step, :status, :reason)
				""")
			.param("approval", entry.approvalId())
			.param("action", entry.action())
			.param("actor", entry.actor())
			.param("at", Timestamp.from(entry.at()))
			.param("step", entry.step())
			.param("status", entry.status())
			.param("reason", entry.reason())
			.update();
	}

	/** Records a refused attempt, which must outlive the rolled-back attempt. */
	public void recordRefused(AuditEntry entry) {
		this.ownTransaction.executeWithoutResult((status) -> record(entry));
	}

	/** An approval's history, oldest first; bounded, as every list of the API. */
	public List<AuditEntry> history(UUID approval, int limit) {
		return this.jdbc.sql("""
				SELECT approval_id, action, actor, at, step, status, reason
				  FROM approval_audit WHERE approval_id = :approval ORDER BY id LIMIT :limit
				""")
			.param("approval", approval)
			.param("limit", limit)
			.query((rs, n) -> new AuditEntry(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), (Integer) rs.getObject(5), rs.getString(6), rs.getString(7)))
			.list();
	}

}
