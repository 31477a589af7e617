package dev.vestline.signature.lease;

import java.time.Clock;
import java.util.List;

import dev.vestline.signature.audit.AuditLog;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clears leases whose holders crashed or stalled past expiry, so the workflow does not
 * wait for a takeover. Safe with many replicas: each claims expired rows with
 * {@code FOR UPDATE SKIP LOCKED}, so a lease is reaped, audited and counted once.
 */
@Component
public class LeaseReaper {

	private static final int BATCH = 100;

	private final Leases leases;

	private final AuditLog audit;

	private final LeaseMetrics metrics;

	private final Clock clock;

	LeaseReaper(Leases leases, AuditLog audit, LeaseMetrics metrics, Clock clock) {
		this.leases = leases;
		this.audit = audit;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * @return how many expired leases this call cleared
	 */
	@Transactional
	public int reap() {
		List<Lease> reaped = this.leases.reapExpired(this.clock.instant(), BATCH);
		for (Lease lease : reaped) {
			this.audit.record(lease.workflowId(), "LEASE_REAPED", "lease-reaper", "cleared the lease of "
					+ lease.holder() + " (fencing token " + lease.fencingToken() + ") expired at " + lease.expiresAt());
		}
		this.metrics.reaped(reaped.size());
		return reaped.size();
	}

}
