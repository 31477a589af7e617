package dev.vestline.signature.workflows;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.vestline.events.signature.Signer;
import dev.vestline.signature.audit.AuditLog;
import dev.vestline.signature.documents.DocumentVersions;
import dev.vestline.signature.signing.SignerRequest;
import dev.vestline.signature.signing.Signers;

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

	private final Signers signers;

	private final DocumentVersions documents;

	private final DocumentIssue issue;

	private final AuditLog audit;

	private final WorkflowMetrics metrics;

	private final Clock clock;

	WorkflowReissue(Workflows workflows, WorkflowTransitions transitions, Signers signers, DocumentVersions documents,
			DocumentIssue issue, AuditLog audit, WorkflowMetrics metrics, Clock clock) {
		this.workflows = workflows;
		this.transitions = transitions;
		this.signers = signers;
		this.documents = documents;
		this.issue = issue;
		this.audit = audit;
		this.metrics = metrics;
		this.clock = clock;
	}

	@Transactional
	public SigningWorkflow reissue(UUID id, int expectedVersion, String amendments, String by) {
		SigningWorkflow workflow = WorkflowPreconditions.open(this.workflows.find(id), id, expectedVersion);
		int nextVersion = workflow.documentVersion() + 1;
		if (!this.transitions.reissue(id, expectedVersion, nextVersion, amendments, this.clock.instant())) {
			WorkflowPreconditions.explainLostRace(this.workflows.find(id), id, expectedVersion);
		}
		List<Signer> parties = this.signers.of(id)
			.stream()
			.filter((request) -> request.revision() == workflow.revision())
			.map(SignerRequest::signer)
			.toList();
		this.signers.voidRevision(id, workflow.revision());
		SigningWorkflow reissued = this.workflows.find(id).orElseThrow();
		var parent = this.documents.content(id, workflow.documentVersion()).orElseThrow().version();
		this.issue.issue(reissued, parties, parent);
		this.audit.record(id, "REISSUED", by, "revision " + reissued.revision() + ": " + amendments);
		this.metrics.reissued();
		return reissued;
	}

}
