package dev.vestline.signature.workflows;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.vestline.events.signature.Signer;
import dev.vestline.signature.documents.DocumentRenderer;
import dev.vestline.signature.documents.DocumentVersion;
import dev.vestline.signature.documents.DocumentVersions;
import dev.vestline.signature.signing.SignerInvitations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Issues a revision of a workflow's terms: renders the unsigned document as the next
 * version and invites every signer with a fresh link.
 */
@Component
class DocumentIssue {

	private final DocumentRenderer renderer;

	private final DocumentVersions documents;

	private final SignerInvitations invitations;

	private final Clock clock;

	DocumentIssue(DocumentRenderer renderer, DocumentVersions documents, SignerInvitations invitations, Clock clock) {
		this.renderer = renderer;
		this.documents = documents;
		this.invitations = invitations;
		this.clock = clock;
	}

	/**
	 * @param workflow the workflow, at the revision to issue and with the new document
	 * version
	 * @param signers who signs
	 * @param parent the latest version so far, or {@code null} for the first issue
	 * @return the rendered version
	 */
	DocumentVersion issue(SigningWorkflow workflow, List<Signer> signers, @Nullable DocumentVersion parent) {
		Instant now = this.clock.instant();
		byte[] pdf = this.renderer.render(workflow.terms(signers, now));
		DocumentVersion version = this.documents.add(workflow.id(), workflow.documentVersion(), workflow.revision(),
				pdf, parent, null, now);
		this.invitations.invite(workflow.id(), workflow.revision(), signers);
		return version;
	}

}
