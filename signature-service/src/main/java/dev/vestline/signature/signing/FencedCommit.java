package dev.vestline.signature.signing;

import java.time.Instant;
import java.util.UUID;

import dev.vestline.signature.lease.LeaseLost;
import dev.vestline.signature.signing.SignerAccess.Access;
import dev.vestline.signature.workflows.SigningWorkflow;
import dev.vestline.signature.workflows.WorkflowStatus;
import dev.vestline.signature.workflows.WorkflowTransitions;
import dev.vestline.support.domain.Conflict;

import org.springframework.stereotype.Component;

/**
 * The lease-fenced commit of what a signer did, shared by signing and declining: the
 * workflow's conditional update (which releases the lease, so a holder fenced out cannot
 * commit after it) and the signer request's (which uses the link), both or neither in the
 * caller's transaction. A lost race changes no row and throws.
 */
@Component
class FencedCommit {

	private final WorkflowTransitions transitions;

	private final Signers signers;

	FencedCommit(WorkflowTransitions transitions, Signers signers) {
		this.transitions = transitions;
		this.signers = signers;
	}

	/** Moves the workflow to the stamped version under the lease and uses the request. */
	void signed(PreparedSignature prepared) {
		SigningWorkflow workflow = prepared.access().workflow();
		SignerRequest request = prepared.access().request();
		if (!this.transitions.advance(workflow.id(), prepared.lease().fencingToken(), prepared.version(),
				prepared.signedAt())) {
			throw new LeaseLost();
		}
		if (!this.signers.markSigned(request.id(), prepared.typedName(), prepared.signedAt(), prepared.version(),
				prepared.evidence())) {
			throw new Conflict("This signing link was already used, or it expired while you signed.");
		}
	}

	/**
	 * Uses the request and ends the workflow as declined, taking the lease from any
	 * holder.
	 */
	void declined(Access found, String reason, String why, Instant now) {
		SignerRequest request = found.request();
		if (!this.signers.markDeclined(request.id(), reason, now) || !this.transitions.end(found.workflow().id(),
				WorkflowStatus.DECLINED, why, null, request.revision(), now)) {
			throw new Conflict("This signing link was already used, or the document is no longer open.");
		}
	}

	/**
	 * @return whether this commit completed the workflow (every signer signed)
	 */
	boolean completeIfAllSigned(UUID workflowId, Instant at) {
		return this.transitions.completeIfAllSigned(workflowId, at);
	}

}
