package dev.vestline.signature.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.vestline.signature.audit.AuditLog;
import dev.vestline.support.domain.Conflict;
import dev.vestline.support.domain.DomainException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Takes a workflow's lease for a signer, waiting with capped exponential backoff and
 * jitter while another party holds it, up to a bound; then answers 409 with Retry-After.
 * Contention, takeovers of expired leases, refusals and fenced commits are audited and
 * measured.
 */
@Component
public class LeaseAcquisition {

	static final String BUSY = "Another party is signing this document right now; try again in a few seconds.";

	private final Leases leases;

	private final LeaseProperties properties;

	private final AuditLog audit;

	private final LeaseMetrics metrics;

	private final Clock clock;

	private final Waiting waiting;

	@Autowired
	LeaseAcquisition(Leases leases, LeaseProperties properties, AuditLog audit, LeaseMetrics metrics, Clock clock) {
		this(leases, properties, audit, metrics, clock, Waiting.SYSTEM);
	}

	LeaseAcquisition(Leases leases, LeaseProperties properties, AuditLog audit, LeaseMetrics metrics, Clock clock,
			Waiting waiting) {
		this.leases = leases;
		this.properties = properties;
		this.audit = audit;
		this.metrics = metrics;
		this.clock = clock;
		this.waiting = waiting;
	}

	/**
	 * @param workflowId the workflow, which must be open
	 * @param holder who asks, in words for the audit log
	 * @return the lease
	 * @throws Conflict ({@code lease-held}, with a retry after) when it stayed held for
	 * the whole wait
	 */
	public Lease acquire(UUID workflowId, String holder) {
		long started = this.waiting.nanoTime();
		Duration backoff = this.properties.initialBackoff();
		boolean contended = false;
		while (true) {
			Optional<Leases.Taken> taken = this.leases.tryAcquire(workflowId, holder, this.clock.instant(),
					this.properties.duration());
			if (taken.isPresent()) {
				return acquired(taken.get(), contended, started);
			}
			Leases.State state = this.leases.state(workflowId);
			if (!state.open()) {
				throw new Conflict("This document is no longer open for signature.");
			}
			if (state.holder() == null) {
				continue; // released between the two reads: try again at once
			}
			contended = contended || contended(workflowId, holder, state);
			Duration remaining = this.properties.maxWait().minusNanos(this.waiting.nanoTime() - started);
			if (remaining.isNegative() || remaining.isZero()) {
				throw refused(workflowId, holder, state, Duration.ofNanos(this.waiting.nanoTime() - started));
			}
			pause(min(backoff, remaining));
			backoff = min(backoff.multipliedBy(2), this.properties.maxBackoff());
		}
	}

	/**
	 * Releases a lease that did not commit; a no-op once it committed or was taken over.
	 */
	public void release(Lease lease) {
		this.leases.release(lease);
	}

	/**
	 * Records that a commit under this lease was refused by its fencing token.
	 */
	public void fenced(Lease lease) {
		this.metrics.fenced();
		this.audit.record(lease.workflowId(), "LEASE_FENCED", lease.holder(),
				"commit refused: fencing token " + lease.fencingToken() + " is no longer current");
	}

	/** Audits and counts the first time a caller finds the lease held. */
	private boolean contended(UUID workflowId, String holder, Leases.State state) {
		this.metrics.contended();
		this.audit.record(workflowId, "LEASE_CONTENDED", holder, "waited for " + state.holder());
		return true;
	}

	private Lease acquired(Leases.Taken taken, boolean waited, long started) {
		Lease lease = taken.lease();
		if (waited) {
			this.metrics.waited(Duration.ofNanos(this.waiting.nanoTime() - started));
		}
		if (taken.previousHolder() != null) {
			this.audit.record(lease.workflowId(), "LEASE_TAKEN_OVER", lease.holder(), "took over the expired lease of "
					+ taken.previousHolder() + " with fencing token " + lease.fencingToken());
		}
		this.metrics.acquired(taken.previousHolder() != null);
		return lease;
	}

	private DomainException refused(UUID workflowId, String holder, Leases.State held, Duration waited) {
		this.metrics.waited(waited);
		this.metrics.refused();
		this.audit.record(workflowId, "LEASE_REFUSED", holder,
				"gave up after " + waited.toMillis() + " ms; held by " + held.holder());
		Instant expiresAt = (held.expiresAt() != null) ? held.expiresAt() : this.clock.instant();
		Duration untilExpiry = Duration.between(this.clock.instant(), expiresAt);
		Duration retryAfter = min(untilExpiry.isNegative() ? Duration.ofSeconds(1) : untilExpiry,
				this.properties.maxWait());
		return new Conflict("lease-held", "Someone else is signing", BUSY)
			.retryAfter(retryAfter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : retryAfter);
	}

	/** Equal jitter: half the backoff, plus a random share of the other half. */
	private void pause(Duration backoff) {
		long half = Math.max(1, backoff.toMillis() / 2);
		try {
			this.waiting.pause(Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1)));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Conflict("lease-held", "Someone else is signing", BUSY).retryAfter(Duration.ofSeconds(1));
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
