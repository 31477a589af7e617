package dev.vestline.approval.approvals;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The approval counters on {@code /actuator/prometheus}; tags are low-cardinality
 * outcomes, never ids.
 */
@Component
public class ApprovalMetrics {

	private final MeterRegistry registry;

	ApprovalMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void requested(String kind) {
		this.registry.counter("vestline.approval.approvals.requested", "kind", kind).increment();
	}

	/**
	 * @param outcome {@code step-approved}, {@code granted} or {@code rejected}
	 */
	void decided(String outcome) {
		this.registry.counter("vestline.approval.decisions.recorded", "outcome", outcome).increment();
	}

	/**
	 * @param reason e.g. {@code lost-race}, {@code over-capacity}, {@code stale-version}
	 */
	public void conflict(String reason) {
		this.registry.counter("vestline.approval.conflicts.detected", "reason", reason).increment();
	}

	public void cancelled() {
		this.registry.counter("vestline.approval.approvals.cancelled").increment();
	}

	void cancellationRequested() {
		this.registry.counter("vestline.approval.cancellations.requested").increment();
	}

	/**
	 * @param outcome {@code cancelled} (the workflow was cancelled or failed) or
	 * {@code refused} (signing completed first)
	 */
	public void cancellationEnded(String outcome) {
		this.registry.counter("vestline.approval.cancellations.ended", "outcome", outcome).increment();
	}

	public void expired(int count) {
		this.registry.counter("vestline.approval.approvals.expired").increment(count);
	}

	/**
	 * @param outcome {@code reopened}, {@code cancelled}, {@code executed} or
	 * {@code ignored}
	 */
	public void compensated(String outcome) {
		this.registry.counter("vestline.approval.compensations.applied", "outcome", outcome).increment();
	}

}
