package dev.vestline.signature.mail;

import java.util.UUID;

import dev.vestline.signature.documents.DocumentVersions;
import dev.vestline.support.mail.MailAttachment;

import org.springframework.stereotype.Component;

/**
 * What the completed mail carries to every party.
 *
 * <p>
 * HOOK for sealing: today this is the final signed version as the workflow stored it.
 * Once the completed document is sealed (PAdES) with its certificate of completion,
 * return the sealed PDF here (the certificate appended as its last pages, or, as a second
 * file, once the mail kit carries more than one attachment). Nothing else in the mails
 * changes.
 */
@Component
class CompletedDocument {

	private final DocumentVersions documents;

	CompletedDocument(DocumentVersions documents) {
		this.documents = documents;
	}

	MailAttachment attachment(UUID workflowId, int finalVersion, String fileName) {
		byte[] pdf = this.documents.content(workflowId, finalVersion)
			.orElseThrow(() -> new IllegalStateException(
					"Workflow " + workflowId + " completed without its final version " + finalVersion))
			.bytes();
		return new MailAttachment(fileName, "application/pdf", pdf);
	}

}
