package dev.vestline.signature.workflows;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.vestline.events.Money;
import dev.vestline.events.signature.DocumentKind;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored workflows: inserted once per grant (the unique indexes decide, also under
 * concurrency) and read; their transitions are in {@link WorkflowTransitions}.
 */
@Component
public class Workflows {

	private final JdbcClient jdbc;

	Workflows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param workflow a new workflow
	 * @return {@code false} when its grant already has a workflow, or its approval a live
	 * one (the unique indexes decide, also under concurrency)
	 */
	boolean insert(SigningWorkflow workflow) {
		Money amount = workflow.amount();
		return this.jdbc.sql("""
				INSERT INTO signing_workflow (id, approval_id, granted_at, document_kind, deal_id, vehicle_id,
				       investor_id, subscription_id, amount, currency, status, status_reason, document_version,
				       created_at, updated_at, correlation_id)
				VALUES (:id, :approvalId, :grantedAt, :kind, :dealId, :vehicleId, :investorId, :subscriptionId,
				        :amount, :currency, :status, :reason, :documentVersion, :createdAt, :createdAt, :correlationId)
				ON CONFLICT DO NOTHING
				""")
			.param("id", workflow.id())
			.param("approvalId", workflow.approvalId())
			.param("grantedAt", Timestamp.from(workflow.grantedAt()))
			.param("kind", workflow.kind().name())
			.param("dealId", workflow.dealId())
			.param("vehicleId", workflow.vehicleId())
			.param("investorId", workflow.investorId())
			.param("subscriptionId", workflow.subscriptionId(), Types.OTHER)
			.param("amount", (amount != null) ? amount.amount() : null, Types.NUMERIC)
			.param("currency", (amount != null) ? amount.currency() : null, Types.CHAR)
			.param("status", workflow.status().name())
			.param("reason", workflow.statusReason(), Types.VARCHAR)
			.param("documentVersion", workflow.documentVersion())
			.param("createdAt", Timestamp.from(workflow.createdAt()))
			.param("correlationId", workflow.correlationId(), Types.VARCHAR)
			.update() == 1;
	}

	public Optional<SigningWorkflow> find(UUID id) {
		return this.jdbc.sql("SELECT * FROM signing_workflow WHERE id = :id")
			.param("id", id)
			.query(Workflows::workflow)
			.optional();
	}

	List<SigningWorkflow> openFor(UUID approvalId) {
		return this.jdbc.sql("SELECT * FROM signing_workflow WHERE approval_id = :id AND status = 'OPEN'")
			.param("id", approvalId)
			.query(Workflows::workflow)
			.list();
	}

	/** The workflow of one grant of an approval (one at most: a unique index). */
	Optional<SigningWorkflow> ofGrant(UUID approvalId, Instant grantedAt) {
		return this.jdbc.sql("SELECT * FROM signing_workflow WHERE approval_id = :id AND granted_at = :grantedAt")
			.param("id", approvalId)
			.param("grantedAt", Timestamp.from(grantedAt))
			.query(Workflows::workflow)
			.optional();
	}

	List<SigningWorkflow> ofApproval(UUID approvalId) {
		return this.jdbc.sql("SELECT * FROM signing_workflow WHERE approval_id = :id ORDER BY id")
			.param("id", approvalId)
			.query(Workflows::workflow)
			.list();
	}

	/** Ids are time-ordered UUIDv7, so "before the last id seen" is a stable cursor. */
	List<SigningWorkflow> page(@Nullable WorkflowStatus status, @Nullable UUID after, int limit) {
		return this.jdbc.sql("""
				SELECT * FROM signing_workflow
				 WHERE (CAST(:status AS text) IS NULL OR status = CAST(:status AS text))
				   AND (CAST(:after AS uuid) IS NULL OR id < CAST(:after AS uuid))
				 ORDER BY id DESC
				 LIMIT :limit
				""")
			.param("status", (status != null) ? status.name() : null, Types.VARCHAR)
			.param("after", after, Types.OTHER)
			.param("limit", limit)
			.query(Workflows::workflow)
			.list();
	}

	private static SigningWorkflow workflow(ResultSet rs, int row) throws SQLException {
		String currency = rs.getString("currency");
		Timestamp completedAt = rs.getTimestamp("completed_at");
		Timestamp leaseExpiresAt = rs.getTimestamp("lease_expires_at");
		return new SigningWorkflow(rs.getObject("id", UUID.class), rs.getObject("approval_id", UUID.class),
				rs.getTimestamp("granted_at").toInstant(), DocumentKind.valueOf(rs.getString("document_kind")),
				rs.getObject("deal_id", UUID.class), rs.getObject("vehicle_id", UUID.class),
				rs.getString("investor_id"), rs.getObject("subscription_id", UUID.class),
				(currency != null) ? new Money(rs.getBigDecimal("amount"), currency) : null,
				WorkflowStatus.valueOf(rs.getString("status")), rs.getString("status_reason"), rs.getInt("revision"),
				rs.getString("amendments"), rs.getInt("document_version"), rs.getInt("version"),
				rs.getTimestamp("created_at").toInstant(), instant(completedAt), rs.getString("lease_holder"),
				instant(leaseExpiresAt), rs.getString("correlation_id"));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
