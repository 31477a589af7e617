package dev.vestline.approval.approvals;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.vestline.approval.audit.AuditEntry;
import dev.vestline.approval.audit.AuditLog;
import dev.vestline.events.DomainEvent;
import dev.vestline.messaging.outbox.Outbox;

/**
 * Where an approval's outcome becomes what others see: its events in the outbox and a
 * line in the audit log, in the transaction of the change; plus the clock and metrics
 * every capability needs.
 */
@Component
public class ApprovalRecorder {

	private final Outbox outbox;

	private final AuditLog audit;

	private final ApprovalMetrics metrics;

	private final Clock clock;

	ApprovalRecorder(Outbox outbox, AuditLog audit, ApprovalMetrics metrics, Clock clock) {
		this.outbox = outbox;
		this.audit = audit;
		this.metrics = metrics;
		this.clock = clock;
	}

	public Instant now() {
		return this.clock.instant();
	}

	public ApprovalMetrics metrics() {
		return this.metrics;
	}

	/** Appends the events and the audit line; needs the change's transaction. */
	public void happened(List<? extends DomainEvent> events, AuditEntry entry) {
		events.forEach(this.outbox::append);
		this.audit.record(entry);
	}

	public void happened(DomainEvent event, AuditEntry entry) {
		happened(List.of(event), entry);
	}

	/** Records something that changed nothing (an ignored or refused outcome). */
	public void noted(AuditEntry entry) {
		this.audit.record(entry);
	}

	/** Records a refused attempt in a transaction of its own, outliving the attempt's. */
	public void refused(AuditEntry entry) {
		this.audit.recordRefused(entry);
	}

}
