package dev.vestline.signature.workflows;

import java.util.List;

import dev.vestline.events.signature.Signer;
import dev.vestline.signature.documents.DocumentVersions;
import dev.vestline.signature.signing.SignerRequest;
import dev.vestline.signature.signing.Signers;

import org.springframework.stereotype.Component;

/**
 * Issues the revision a reissue started: the replaced revision's requests and links go
 * void, and the same parties are invited to sign the amended document, rendered on the
 * previous version's hash.
 */
@Component
class NextRevision {

	private final Signers signers;

	private final DocumentVersions documents;

	private final DocumentIssue issue;

	private final WorkflowOutcomes outcomes;

	NextRevision(Signers signers, DocumentVersions documents, DocumentIssue issue, WorkflowOutcomes outcomes) {
		this.signers = signers;
		this.documents = documents;
		this.issue = issue;
		this.outcomes = outcomes;
	}

	/**
	 * @param workflow the workflow as it was before the reissue
	 * @param reissued the workflow at its new revision
	 */
	void issue(SigningWorkflow workflow, SigningWorkflow reissued, String amendments, String by) {
		var id = workflow.id();
		List<Signer> parties = this.signers.of(id)
			.stream()
			.filter((request) -> request.revision() == workflow.revision())
			.map(SignerRequest::signer)
			.toList();
		this.signers.voidRevision(id, workflow.revision());
		var parent = this.documents.content(id, workflow.documentVersion()).orElseThrow().version();
		this.issue.issue(reissued, parties, parent);
		this.outcomes.reissued(reissued, amendments, by);
	}

}
