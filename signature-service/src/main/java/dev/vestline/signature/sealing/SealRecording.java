package dev.vestline.signature.sealing;

import dev.vestline.signature.audit.AuditLog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a seal, in one transaction with its audit entry and the in-process
 * {@link DocumentSealed}: all three happen once per workflow, for whoever stored it.
 */
@Component
class SealRecording {

	private final SealedDocuments sealed;

	private final AuditLog audit;

	private final SealingMetrics metrics;

	private final ApplicationEventPublisher events;

	SealRecording(SealedDocuments sealed, AuditLog audit, SealingMetrics metrics, ApplicationEventPublisher events) {
		this.sealed = sealed;
		this.audit = audit;
		this.metrics = metrics;
		this.events = events;
	}

	/**
	 * @return whether this call stored it (otherwise another did first)
	 */
	@Transactional
	boolean record(SealedDocument document) {
		if (!this.sealed.insertIfAbsent(document)) {
			return false;
		}
		this.audit.record(document.workflowId(), "SEALED", "signature-service",
				"sealed version " + document.finalVersion() + " with its certificate of completion: SHA-256 "
						+ document.sha256() + ", sealing certificate SHA-256 " + document.sealedWith());
		this.events
			.publishEvent(new DocumentSealed(document.workflowId(), document.sha256(), document.certificateSha256()));
		this.metrics.sealed();
		return true;
	}

}
