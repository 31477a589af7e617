package dev.vestline.signature.mail;

import java.util.Map;
import java.util.Objects;

import dev.vestline.events.Contact;
import dev.vestline.signature.parties.SignerContacts;
import dev.vestline.signature.sealing.DocumentSealed;
import dev.vestline.signature.sealing.SealedDocument;
import dev.vestline.signature.sealing.SealedDocuments;
import dev.vestline.signature.workflows.SigningWorkflow;
import dev.vestline.signature.workflows.Workflows;
import dev.vestline.support.mail.Mail;
import dev.vestline.support.mail.MailOutbox;
import dev.vestline.support.mail.Recipient;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the completed mail to every party when the completed document is sealed, not
 * when the workflow completes: in the transaction that stores the one seal of the
 * workflow, so the mail carries the sealed document and its certificate, is never written
 * without them, and is written once (the seal is stored once; the Message-ID is the same
 * as a completed mail written at completion before this release, so a workflow completed
 * then and sealed now gets no second one).
 */
@Component
class CompletedMails {

	private final MailOutbox outbox;

	private final Workflows workflows;

	private final SealedDocuments sealed;

	private final SignerContacts contacts;

	CompletedMails(MailOutbox outbox, Workflows workflows, SealedDocuments sealed, SignerContacts contacts) {
		this.outbox = outbox;
		this.workflows = workflows;
		this.sealed = sealed;
		this.contacts = contacts;
	}

	@EventListener
	void on(DocumentSealed event) {
		SigningWorkflow workflow = this.workflows.find(event.workflowId()).orElseThrow();
		SealedDocument document = this.sealed.find(event.workflowId()).orElseThrow();
		String name = Wording.document(workflow.kind());
		Letter letter = Letter.to()
			.say("Everyone has signed the " + name + ". It was completed on "
					+ Wording.when(Objects.requireNonNullElse(workflow.completedAt(), document.sealedAt())) + ".")
			.say("Attached are the signed document, sealed by Vestline so that any PDF reader shows it unchanged"
					+ " since, and its certificate of completion: who signed, when, from where, and the document's"
					+ " fingerprint before and after each signature. Please keep both for your records.");
		for (Map.Entry<String, Contact> party : this.contacts.of(workflow.id()).entrySet()) {
			if (!Recipient.isAddress(party.getValue().email())) {
				continue;
			}
			Mail mail = letter.mail("completed", LinkMails.about(workflow.id(), party.getKey()),
					document.finalVersion(), new Recipient(party.getValue().email(), party.getValue().name()),
					"Signed by everyone: your " + name);
			for (var file : CompletedDocument.of(document, workflow.kind())) {
				mail = mail.attaching(file);
			}
			this.outbox.append(mail);
		}
	}

}
