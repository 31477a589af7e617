package dev.vestline.signature.workflows;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reissues an open workflow with amended terms: a new document version rendered from the
 * amended terms (chained to the previous version), earlier signatures and links void, and
 * every party invited to sign again. A signer mid-signature loses the lease.
 */
@Service
class WorkflowReissue {

	private final Workflows workflows;

	private final WorkflowTransitions transitions;

	private final NextRevision revisions;

	private final Clock clock;

	WorkflowReissue(Workflows workflows, WorkflowTransitions transitions, NextRevision revisions, Clock clock) {
		this.workflows = workflows;
		this.transitions = transitions;
		this.revisions = revisions;
		this.clock = clock;
	}

	@Transactional
	public SigningWorkflow reissue(UUID id, int expectedVersion, String amendments, String by) {
		SigningWorkflow workflow = WorkflowPreconditions.open(this.workflows.find(id), id, expectedVersion);
		int nextVersion = workflow.documentVersion() + 1;
		if (!this.transitions.reissue(id, expectedVersion, nextVersion, amendments, this.clock.instant())) {
			WorkflowPreconditions.explainLostRace(this.workflows.find(id), id, expectedVersion);
		}
		SigningWorkflow reissued = this.workflows.find(id).orElseThrow();
		this.revisions.issue(workflow, reissued, amendments, by);
		return reissued;
	}

}
