package dev.vestline.signature.signing;

import java.time.Clock;
import java.time.Instant;

import dev.vestline.events.signature.SignatureDeclined;
import dev.vestline.events.signature.SigningWorkflowFailed;
import dev.vestline.signature.audit.AuditLog;
import dev.vestline.signature.signing.SignerAccess.Access;
import dev.vestline.signature.workflows.WorkflowEvents;
import dev.vestline.signature.workflows.WorkflowStatus;
import dev.vestline.signature.workflows.WorkflowTransitions;
import dev.vestline.support.domain.Conflict;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signer declines: the request is used and the workflow ends as declined, which the
 * approval service learns as {@code SigningWorkflowFailed} so it can compensate. A signer
 * mid-signature loses the lease and cannot commit.
 */
@Service
class Declining {

	private final SignerAccess access;

	private final Signers signers;

	private final WorkflowTransitions transitions;

	private final WorkflowEvents events;

	private final AuditLog audit;

	private final SigningMetrics metrics;

	private final Clock clock;

	Declining(SignerAccess access, Signers signers, WorkflowTransitions transitions, WorkflowEvents events,
			AuditLog audit, SigningMetrics metrics, Clock clock) {
		this.metrics = metrics;
		this.access = access;
		this.signers = signers;
		this.transitions = transitions;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public void decline(String token, String reason) {
		Access found = this.access.open(token);
		SignerRequest request = found.request();
		Instant now = this.clock.instant();
		String role = request.signer().role();
		String why = "The " + role.toLowerCase() + " declined to sign: " + reason;
		if (!this.signers.markDeclined(request.id(), reason, now) || !this.transitions.end(found.workflow().id(),
				WorkflowStatus.DECLINED, why, null, request.revision(), now)) {
			throw new Conflict("This signing link was already used, or the document is no longer open.");
		}
		this.events.append(found.workflow(), new SignatureDeclined(found.workflow().id(), found.workflow().approvalId(),
				request.signer().signerId(), role, reason, now));
		this.events.append(found.workflow(),
				new SigningWorkflowFailed(found.workflow().id(), found.workflow().approvalId(), why, now));
		this.audit.record(found.workflow().id(), "DECLINED", request.signer().signerId(), why);
		this.metrics.declined(role);
	}

}
