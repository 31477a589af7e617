package dev.vestline.signature.mail;

import java.util.List;

import dev.vestline.events.signature.DocumentKind;
import dev.vestline.signature.sealing.SealedDocument;
import dev.vestline.support.mail.MailAttachment;

/**
 * What the completed mail carries to every party: the sealed document (the final version,
 * its certificate pages and the PAdES seal over both) and the certificate of completion
 * as a PDF of its own, sealed the same way; both exactly as staff download them.
 */
final class CompletedDocument {

	private CompletedDocument() {
	}

	static List<MailAttachment> of(SealedDocument sealed, DocumentKind kind) {
		return List.of(new MailAttachment(Wording.fileName(kind), "application/pdf", sealed.content()),
				new MailAttachment(Wording.certificateFileName(kind), "application/pdf", sealed.certificate()));
	}

}
