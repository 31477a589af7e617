package dev.vestline.signature.mail;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.vestline.events.Contact;
import dev.vestline.events.signature.DocumentSigned;
import dev.vestline.events.signature.SignatureDeclined;
import dev.vestline.events.signature.SigningWorkflowCancelled;
import dev.vestline.signature.parties.SignerContacts;
import dev.vestline.signature.signing.SignerRequest;
import dev.vestline.signature.signing.SignerStatus;
import dev.vestline.signature.signing.Signers;
import dev.vestline.signature.workflows.SigningWorkflow;
import dev.vestline.signature.workflows.WorkflowEvents.SignatureEventAppended;
import dev.vestline.support.mail.MailOutbox;
import dev.vestline.support.mail.Recipient;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the mails a workflow's events cause, in the transaction that appends the event:
 * signed (to the signer, while others still have to), declined (to every other party and
 * the requesting desk), cancelled (to every party).
 */
@Component
class WorkflowMails {

	private final MailOutbox outbox;

	private final SignerContacts contacts;

	private final Signers signers;

	private final @Nullable String requester;

	WorkflowMails(MailOutbox outbox, SignerContacts contacts, Signers signers, SignatureMailProperties properties) {
		this.outbox = outbox;
		this.contacts = contacts;
		this.signers = signers;
		this.requester = properties.requester();
	}

	@EventListener
	void on(SignatureEventAppended appended) {
		SigningWorkflow workflow = appended.workflow();
		switch (appended.event()) {
			case DocumentSigned signed -> signed(workflow, signed);
			case SignatureDeclined declined -> declined(workflow, declined);
			case SigningWorkflowCancelled cancelled -> cancelled(workflow, cancelled);
			default -> {
				// created (the links are mailed by LinkMails), failed: no mail;
				// completed:
				// CompletedMails writes that mail once the document is sealed
			}
		}
	}

	private void signed(SigningWorkflow workflow, DocumentSigned signed) {
		List<String> waitingFor = parties(workflow).stream()
			.filter((request) -> request.status() == SignerStatus.PENDING)
			.map((request) -> request.signer().name())
			.toList();
		if (waitingFor.isEmpty()) {
			return; // the last signature: the completed mail says it all
		}
		String document = Wording.document(workflow.kind());
		send(workflow, signed.signerRole(), "signed", signed.documentVersion(), "You signed the " + document,
				Letter.to()
					.say("Thank you: you signed the " + document + " on " + Wording.when(signed.signedAt()) + ".")
					.say("We are waiting for " + String.join(" and ", waitingFor)
							+ " to sign. When everyone has signed, you receive the signed document by mail."));
	}

	private void declined(SigningWorkflow workflow, SignatureDeclined declined) {
		String document = Wording.document(workflow.kind());
		String who = parties(workflow).stream()
			.filter((party) -> party.signer().role().equals(declined.signerRole()))
			.map((party) -> party.signer().name())
			.findFirst()
			.orElse("The " + Wording.role(declined.signerRole()));
		Letter letter = Letter.to()
			.say(who + " declined to sign the " + document + " on " + Wording.when(declined.declinedAt()) + ".")
			.say("The reason given: " + declined.reason())
			.say("The " + document + " will not be completed, and signatures already made on it no longer count."
					+ " Nothing more is needed from you for it.");
		String subject = "Not signed: " + who + " declined the " + document;
		for (SignerRequest party : parties(workflow)) {
			if (!party.signer().role().equals(declined.signerRole())) {
				send(workflow, party.signer().role(), "declined", workflow.revision(), subject, letter);
			}
		}
		if (this.requester != null && Recipient.isAddress(this.requester)) {
			this.outbox.append(letter.mail("declined", workflow.id() + ".requester", workflow.revision(),
					new Recipient(this.requester, "Operations"), subject));
		}
	}

	private void cancelled(SigningWorkflow workflow, SigningWorkflowCancelled cancelled) {
		String document = Wording.document(workflow.kind());
		Letter letter = Letter.to()
			.say("The " + document + " you were asked to sign was cancelled on " + Wording.when(cancelled.cancelledAt())
					+ ", so it can no longer be signed.")
			.say("The reason given: " + cancelled.reason())
			.say("Nothing more is needed from you. If a new document is prepared, it comes with a new mail.");
		for (SignerRequest party : parties(workflow)) {
			send(workflow, party.signer().role(), "cancelled", workflow.revision(), "Cancelled: your " + document,
					letter);
		}
	}

	private void send(SigningWorkflow workflow, String role, String kind, int revision, String subject, Letter letter) {
		recipient(workflow.id(), role).ifPresent((to) -> this.outbox
			.append(letter.mail(kind, LinkMails.about(workflow.id(), role), revision, to, subject)));
	}

	private List<SignerRequest> parties(SigningWorkflow workflow) {
		return this.signers.of(workflow.id())
			.stream()
			.filter((request) -> request.revision() == workflow.revision())
			.toList();
	}

	private Optional<Recipient> recipient(UUID workflowId, String role) {
		Map<String, Contact> all = this.contacts.of(workflowId);
		return Optional.ofNullable(all.get(role))
			.filter((contact) -> Recipient.isAddress(contact.email()))
			.map((contact) -> new Recipient(contact.email(), contact.name()));
	}

}
