package dev.vestline.signature.sealing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.vestline.signature.documents.DocumentVersion;
import dev.vestline.signature.documents.DocumentVersions;
import dev.vestline.signature.workflows.SigningWorkflow;
import org.jspecify.annotations.Nullable;

/**
 * A completed workflow as its certificate states it: who signed, with what evidence, and
 * the hash chain of its document.
 *
 * @param workflow the workflow
 * @param signers the signatures of its final terms revision, in the order they were made
 * @param versions every document version, oldest first
 * @param finalVersion the version every signer signed, with its bytes
 */
record Completion(SigningWorkflow workflow, List<Signature> signers, List<DocumentVersion> versions,
		DocumentVersions.Content finalVersion) {

	Optional<DocumentVersion> version(int number) {
		return this.versions.stream().filter((version) -> version.version() == number).findFirst();
	}

	/**
	 * One signature and the evidence kept with it.
	 *
	 * @param role the signer's role
	 * @param name the signer's name on the request
	 * @param partyId the signer's party id
	 * @param typedName the name the signer typed
	 * @param linkSentTo where the link was sent, if recorded
	 * @param linkRevision which link of the request signed (1, or more after renewals)
	 * @param termsRevision the terms revision signed
	 * @param consentVersion the disclosure version consented to, if recorded
	 * @param signedAt when
	 * @param signedFrom the request's remote address, if recorded
	 * @param userAgent the request's browser, if recorded
	 * @param documentVersion the version the signature produced
	 */
	record Signature(String role, String name, String partyId, String typedName, @Nullable String linkSentTo,
			int linkRevision, int termsRevision, @Nullable String consentVersion, Instant signedAt,
			@Nullable String signedFrom, @Nullable String userAgent, int documentVersion) {

	}

}
