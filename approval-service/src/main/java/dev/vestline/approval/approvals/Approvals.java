package dev.vestline.approval.approvals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.vestline.events.Contact;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The approvals and the transitions people make. Every transition is ONE update guarded
 * by the version the caller read and the status it expects: of two concurrent transitions
 * exactly one changes a row. Expiry ({@code OverdueApprovals}) and compensation
 * ({@code CompensatedApprovals}) keep their own transitions, guarded the same way.
 */
@Repository
public class Approvals {

	private final JdbcClient jdbc;

	Approvals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return {@code false} when the deal already has an open approval of this kind for
	 * the investor, or the subscription id is taken (the unique indexes decide a race
	 * between two requests: the second waits for the first and then inserts nothing)
	 */
	boolean insertIfNoneOpen(Approval a) {
		return this.jdbc.sql("""
				INSERT INTO approval (id, deal_id, vehicle_id, investor_id, kind, subscription_id, amount, currency,
				                      steps, status, requested_by, requested_at, expires_at)
				VALUES (:id, :deal, :vehicle, :investor, :kind, :subscription, :amount, :currency,
				        :steps, 'PENDING', :by, :at, :expires)
				ON CONFLICT DO NOTHING
				""")
			.param("id", a.id())
			.param("deal", a.dealId())
			.param("vehicle", a.vehicleId())
			.param("investor", a.investorId())
			.param("kind", a.kind().name())
			.param("subscription", a.subscriptionId())
			.param("amount", (a.amount() != null) ? a.amount().amount() : null)
			.param("currency", (a.amount() != null) ? a.amount().currency() : null)
			.param("steps", a.steps().toArray(String[]::new))
			.param("by", a.requestedBy())
			.param("at", ts(a.requestedAt()))
			.param("expires", ts(a.expiresAt()))
			.update() == 1;
	}

	public Optional<Approval> find(UUID id) {
		return this.jdbc.sql(ApprovalRows.SELECT + " WHERE a.id = :id")
			.param("id", id)
			.query(ApprovalRows::map)
			.optional();
	}

	Optional<UUID> findOpen(UUID deal, String investor, String kind) {
		return this.jdbc.sql("""
				SELECT id FROM approval
				 WHERE deal_id = :deal AND investor_id = :investor AND kind = :kind
				   AND status IN ('PENDING', 'GRANTED', 'CANCELLING')
				""").param("deal", deal).param("investor", investor).param("kind", kind).query(UUID.class).optional();
	}

	boolean subscriptionTaken(UUID subscription) {
		return this.jdbc.sql("SELECT count(*) FROM approval WHERE subscription_id = :subscription")
			.param("subscription", subscription)
			.query(Long.class)
			.single() > 0;
	}

	boolean approveStep(Approval a, String by, Instant now) {
		int changed = this.jdbc.sql("""
				UPDATE approval
				   SET decided_steps = decided_steps + 1,
				       status = CASE WHEN decided_steps + 1 = cardinality(steps) THEN 'GRANTED' ELSE 'PENDING' END,
				       granted_by = CASE WHEN decided_steps + 1 = cardinality(steps) THEN CAST(:by AS text) END,
				       granted_at = CASE WHEN decided_steps + 1 = cardinality(steps) THEN CAST(:now AS timestamptz) END,
				       reserved_amount = CASE WHEN decided_steps + 1 = cardinality(steps) THEN amount END,
				       version = version + 1
				 WHERE id = :id AND version = :version AND status = 'PENDING' AND expires_at > :now
				""").param("by", by).param("now", ts(now)).param("id", a.id()).param("version", a.version()).update();
		if (changed == 1) {
			// four eyes stands as a unique constraint on (approval_id, decided_by)
			this.jdbc.sql("""
					INSERT INTO approval_step (approval_id, step, role, decided_by, decided_at)
					VALUES (:id, :step, :role, :by, :now)
					""")
				.param("id", a.id())
				.param("step", a.currentStep())
				.param("role", a.currentRole())
				.param("by", by)
				.param("now", ts(now))
				.update();
		}
		return changed == 1;
	}

	boolean reject(Approval a, String by, String reason, Instant now) {
		return this.jdbc.sql("""
				UPDATE approval
				   SET status = 'REJECTED', ended_by = :by, ended_at = :now, end_reason = :reason, version = version + 1
				 WHERE id = :id AND version = :version AND status = 'PENDING' AND expires_at > :now
				""")
			.param("by", by)
			.param("now", ts(now))
			.param("reason", reason)
			.param("id", a.id())
			.param("version", a.version())
			.update() == 1;
	}

	/**
	 * Ends an open approval and drops its reservation in the same update. A person ends
	 * only a pending one this way; a granted or cancelling one is ended by its signing
	 * workflow's outcome ({@code Compensation}).
	 */
	public boolean cancel(Approval a, String by, String reason, Instant now) {
		return this.jdbc.sql("""
				UPDATE approval
				   SET status = 'CANCELLED', reserved_amount = NULL, ended_by = :by, ended_at = :now,
				       end_reason = :reason, version = version + 1
				 WHERE id = :id AND version = :version AND status IN ('PENDING', 'GRANTED', 'CANCELLING')
				""")
			.param("by", by)
			.param("now", ts(now))
			.param("reason", reason)
			.param("id", a.id())
			.param("version", a.version())
			.update() == 1;
	}

	/**
	 * Marks a granted approval as cancelling, keeping its reservation until its signing
	 * workflow's outcome is known.
	 */
	boolean requestCancellation(Approval a, String by, String reason, Instant now) {
		return this.jdbc.sql("""
				UPDATE approval
				   SET status = 'CANCELLING', cancel_requested_by = :by, cancel_requested_at = :now,
				       cancel_reason = :reason, version = version + 1
				 WHERE id = :id AND version = :version AND status = 'GRANTED'
				""")
			.param("by", by)
			.param("now", ts(now))
			.param("reason", reason)
			.param("id", a.id())
			.param("version", a.version())
			.update() == 1;
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

	/**
	 * Keeps the investor's contact of a new approval, in its transaction.
	 */
	void saveContact(UUID approvalId, InvestorContact contact) {
		this.jdbc.sql("INSERT INTO investor_contact (approval_id, name, email) VALUES (:id, :name, :email)")
			.param("id", approvalId)
			.param("name", contact.name())
			.param("email", contact.email())
			.update();
	}

	/**
	 * @return the investor's contact given with the approval, if it was
	 */
	Optional<Contact> contactOf(UUID approvalId) {
		return this.jdbc.sql("SELECT name, email FROM investor_contact WHERE approval_id = :id")
			.param("id", approvalId)
			.query(Contact.class)
			.optional();
	}

}
