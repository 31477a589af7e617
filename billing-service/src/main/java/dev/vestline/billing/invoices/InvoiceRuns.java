package dev.vestline.billing.invoices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The invoice runs: started by one conditional insert (one may run at a time), held by
 * their instance's lease, which every progress report renews and which only the holder
 * may use.
 */
@Repository
class InvoiceRuns {

	private static final String COLUMNS = """
			id, status, groups_done, groups_total, invoices_issued, fees_invoiced, started_by, started_at, finished_at,
			failure, lease_expires_at
			""";

	private final JdbcClient jdbc;

	InvoiceRuns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return whether the run was started: not when another one is running
	 */
	boolean start(UUID id, String startedBy, Instant now, String holder, Instant leaseUntil) {
		return this.jdbc.sql("""
				INSERT INTO invoice_run (id, status, started_by, started_at, holder, lease_expires_at)
				VALUES (:id, 'RUNNING', :startedBy, :now, :holder, :leaseUntil)
				ON CONFLICT DO NOTHING
				""")
			.param("id", id)
			.param("startedBy", startedBy)
			.param("now", Timestamp.from(now))
			.param("holder", holder)
			.param("leaseUntil", Timestamp.from(leaseUntil))
			.update() == 1;
	}

	Optional<InvoiceRunReport> running(Instant now) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM invoice_run WHERE status = 'RUNNING'")
			.query((rs, n) -> report(rs, now))
			.optional();
	}

	Optional<InvoiceRunReport> find(UUID id, Instant now) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM invoice_run WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> report(rs, now))
			.optional();
	}

	/** Newest first, a keyset page after the run {@code after}. */
	List<InvoiceRunReport> page(@Nullable UUID after, int limit, Instant now) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				  FROM invoice_run
				 WHERE CAST(:after AS uuid) IS NULL
				    OR (started_at, id) < (SELECT started_at, id FROM invoice_run WHERE id = CAST(:after AS uuid))
				 ORDER BY started_at DESC, id DESC
				 LIMIT :limit
				""").param("after", after).param("limit", limit).query((rs, n) -> report(rs, now)).list();
	}

	/** The groups the run found; renews the lease. */
	boolean counted(UUID id, String holder, int groups, Instant leaseUntil) {
		return this.jdbc.sql("""
				UPDATE invoice_run SET groups_total = :groups, lease_expires_at = :leaseUntil
				 WHERE id = :id AND status = 'RUNNING' AND holder = :holder
				""")
			.param("groups", groups)
			.param("leaseUntil", Timestamp.from(leaseUntil))
			.param("id", id)
			.param("holder", holder)
			.update() == 1;
	}

	/** One more group billed; renews the lease. */
	boolean progressed(UUID id, String holder, int invoices, int fees, Instant leaseUntil) {
		return this.jdbc.sql("""
				UPDATE invoice_run
				   SET groups_done = groups_done + 1, invoices_issued = invoices_issued + :invoices,
				       fees_invoiced = fees_invoiced + :fees, lease_expires_at = :leaseUntil
				 WHERE id = :id AND status = 'RUNNING' AND holder = :holder
				""")
			.param("invoices", invoices)
			.param("fees", fees)
			.param("leaseUntil", Timestamp.from(leaseUntil))
			.param("id", id)
			.param("holder", holder)
			.update() == 1;
	}

	/** Completes ({@code failure} null) or fails the run its holder still holds. */
	boolean finished(UUID id, String holder, Instant now, @Nullable String failure) {
		return this.jdbc.sql("""
				UPDATE invoice_run
				   SET status = CASE WHEN CAST(:failure AS text) IS NULL THEN 'COMPLETED' ELSE 'FAILED' END,
				       failure = :failure, finished_at = :now, holder = NULL, lease_expires_at = NULL
				 WHERE id = :id AND status = 'RUNNING' AND holder = :holder
				""")
			.param("failure", failure)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("holder", holder)
			.update() == 1;
	}

	/**
	 * Fails every run whose instance stopped renewing its lease.
	 * @return how many
	 */
	int failStalled(Instant now) {
		return this.jdbc.sql("""
				UPDATE invoice_run
				   SET status = 'FAILED', finished_at = :now, holder = NULL, lease_expires_at = NULL,
				       failure = 'The instance running it stopped (its lease ran out at '
				                 || to_char(lease_expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')
				                 || ' UTC); start the run again'
				 WHERE status = 'RUNNING' AND lease_expires_at < :now
				""").param("now", Timestamp.from(now)).update();
	}

	private static InvoiceRunReport report(ResultSet rs, Instant now) throws SQLException {
		String status = rs.getString("status");
		Timestamp lease = rs.getTimestamp("lease_expires_at");
		if ("RUNNING".equals(status) && lease != null && lease.toInstant().isBefore(now)) {
			status = "STALLED";
		}
		Timestamp finished = rs.getTimestamp("finished_at");
		return new InvoiceRunReport(rs.getObject("id", UUID.class), status, rs.getInt("groups_done"),
				rs.getObject("groups_total", Integer.class), rs.getInt("invoices_issued"), rs.getInt("fees_invoiced"),
				rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
				(finished != null) ? finished.toInstant() : null, rs.getString("failure"));
	}

}
