package dev.vestline.signature.lease;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lease columns of the workflow table. A lease is taken by one conditional update
 * that also mints the next fencing token; a CHECK constraint keeps the columns all set or
 * all empty.
 */
@Component
class Leases {

	private final JdbcClient jdbc;

	Leases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes the lease if it is free or expired.
	 * @return the lease and the holder it took over from, if any; empty when held
	 */
	Optional<Taken> tryAcquire(UUID workflowId, String holder, Instant now, Duration duration) {
		return this.jdbc.sql("""
				WITH previous AS (
				    SELECT id, lease_holder FROM signing_workflow WHERE id = :id FOR UPDATE
				)
				UPDATE signing_workflow w
				   SET lease_holder = :holder, lease_acquired_at = :now, lease_expires_at = :expiresAt,
				       fencing_counter = w.fencing_counter + 1, lease_token = w.fencing_counter + 1
				  FROM previous
				 WHERE w.id = previous.id AND w.status = 'OPEN'
				   AND (w.lease_holder IS NULL OR w.lease_expires_at <= :now)
				RETURNING w.lease_token, previous.lease_holder AS previous_holder
				""")
			.param("id", workflowId)
			.param("holder", holder)
			.param("now", Timestamp.from(now))
			.param("expiresAt", Timestamp.from(now.plus(duration)))
			.query((rs, row) -> new Taken(new Lease(workflowId, holder, rs.getLong("lease_token"), now.plus(duration)),
					rs.getString("previous_holder")))
			.optional();
	}

	/** Whether the workflow is open, who holds its lease and until when. */
	State state(UUID workflowId) {
		return this.jdbc.sql("SELECT status, lease_holder, lease_expires_at FROM signing_workflow WHERE id = :id")
			.param("id", workflowId)
			.query((rs, row) -> {
				Timestamp expiresAt = rs.getTimestamp("lease_expires_at");
				return new State("OPEN".equals(rs.getString("status")), rs.getString("lease_holder"),
						(expiresAt != null) ? expiresAt.toInstant() : null);
			})
			.optional()
			.orElse(new State(false, null, null));
	}

	/** Releases the lease if it is still this one; a no-op after commit or takeover. */
	void release(Lease lease) {
		this.jdbc.sql("""
				UPDATE signing_workflow
				   SET lease_holder = NULL, lease_acquired_at = NULL, lease_expires_at = NULL, lease_token = NULL
				 WHERE id = :id AND lease_token = :token
				""").param("id", lease.workflowId()).param("token", lease.fencingToken()).update();
	}

	/**
	 * Clears expired leases, skipping rows another replica is working on.
	 * @return the leases cleared
	 */
	List<Lease> reapExpired(Instant now, int limit) {
		return this.jdbc.sql("""
				WITH expired AS (
				    SELECT id, lease_holder, lease_token, lease_expires_at FROM signing_workflow
				     WHERE lease_expires_at <= :now
				     ORDER BY lease_expires_at LIMIT :limit
				       FOR UPDATE SKIP LOCKED
				)
				UPDATE signing_workflow w
				   SET lease_holder = NULL, lease_acquired_at = NULL, lease_expires_at = NULL, lease_token = NULL
				  FROM expired
				 WHERE w.id = expired.id
				RETURNING expired.id, expired.lease_holder, expired.lease_token, expired.lease_expires_at
				""")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((rs, row) -> new Lease(rs.getObject("id", UUID.class), rs.getString("lease_holder"),
					rs.getLong("lease_token"), rs.getTimestamp("lease_expires_at").toInstant()))
			.list();
	}

	/**
	 * A lease just taken.
	 *
	 * @param lease the lease
	 * @param previousHolder whose expired lease it replaced, or {@code null}
	 */
	record Taken(Lease lease, @Nullable String previousHolder) {

	}

	/**
	 * A workflow's lease as read.
	 *
	 * @param open whether the workflow is open
	 * @param holder who holds the lease, or {@code null}
	 * @param expiresAt until when, or {@code null}
	 */
	record State(boolean open, @Nullable String holder, @Nullable Instant expiresAt) {

	}

}
