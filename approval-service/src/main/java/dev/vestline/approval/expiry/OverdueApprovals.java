package dev.vestline.approval.expiry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.vestline.approval.approvals.Approval;
import dev.vestline.approval.approvals.ApprovalRows;

/**
 * Pending approvals past their deadline: claimed without waiting, expired by a guarded
 * update.
 */
@Repository
class OverdueApprovals {

	private final JdbcClient jdbc;

	OverdueApprovals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims overdue pending approvals; rows another replica (or a decision) holds are
	 * skipped, not waited for.
	 */
	List<Approval> claim(Instant now, int limit) {
		return this.jdbc.sql(ApprovalRows.SELECT + """
				 WHERE a.status = 'PENDING' AND a.expires_at <= :now
				 ORDER BY a.expires_at
				 LIMIT :limit
				 FOR UPDATE OF a SKIP LOCKED
				""").param("now", Timestamp.from(now)).param("limit", limit).query(ApprovalRows::map).list();
	}

	/**
	 * @return {@code false} when a decision got there first
	 */
	boolean expire(Approval a, Instant now) {
		return this.jdbc.sql("""
				UPDATE approval
				   SET status = 'EXPIRED', ended_by = 'approval-service', ended_at = :now,
				       end_reason = 'not decided before it expired', version = version + 1
				 WHERE id = :id AND status = 'PENDING' AND expires_at <= :now
				""").param("now", Timestamp.from(now)).param("id", a.id()).update() == 1;
	}

}
