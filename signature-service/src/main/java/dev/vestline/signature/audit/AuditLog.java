package dev.vestline.signature.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes and reads the audit log; entries are written in the caller's transaction, so an
 * entry exists exactly when what it describes happened.
 */
@Component
public class AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @param workflowId the workflow
	 * @param action what happened, e.g. {@code LEASE_REAPED}
	 * @param actor who did it (a user, a signer, or the service)
	 * @param detail in words, or {@code null}
	 */
	public void record(UUID workflowId, String action, String actor, @Nullable String detail) {
		this.jdbc.sql("""
				INSERT INTO audit_entry (workflow_id, action, actor, detail, occurred_at)
				VALUES (:workflowId, :action, :actor, :detail, :now)
				""")
			.param("workflowId", workflowId)
			.param("action", action)
			.param("actor", actor)
			.param("detail", detail)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	/**
	 * @param workflowId the workflow
	 * @return its entries, oldest first
	 */
	public List<Entry> of(UUID workflowId) {
		return this.jdbc.sql("""
				SELECT action, actor, detail, occurred_at FROM audit_entry WHERE workflow_id = :id ORDER BY id
				""")
			.param("id", workflowId)
			.query((rs, row) -> new Entry(rs.getString("action"), rs.getString("actor"), rs.getString("detail"),
					rs.getTimestamp("occurred_at").toInstant()))
			.list();
	}

	/**
	 * One audited fact.
	 *
	 * @param action what happened
	 * @param actor who did it
	 * @param detail in words
	 * @param occurredAt when
	 */
	public record Entry(String action, String actor, @Nullable String detail, Instant occurredAt) {

	}

}
