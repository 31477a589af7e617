package dev.vestline.signature.mail;

import java.util.Optional;
import java.util.UUID;

import dev.vestline.events.Contact;
import dev.vestline.events.signature.DocumentKind;
import dev.vestline.signature.parties.SignerContacts;
import dev.vestline.signature.signing.LinkReminders.SigningLinkExpired;
import dev.vestline.signature.signing.Signers;
import dev.vestline.signature.signing.SigningLinkIssued;
import dev.vestline.signature.workflows.SigningWorkflow;
import dev.vestline.signature.workflows.Workflows;
import dev.vestline.support.mail.MailOutbox;
import dev.vestline.support.mail.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the mails that carry a link (the signing request and its reminders) and the one
 * that says a link expired, in the transaction that issued or expired the link, and
 * records on the signer's request the address its link was sent to (the certificate of
 * completion states it). The link's token is in the mail and nowhere else: not in a log,
 * not in an event.
 */
@Component
class LinkMails {

	private static final Logger logger = LoggerFactory.getLogger(LinkMails.class);

	private final MailOutbox outbox;

	private final SignerContacts contacts;

	private final Workflows workflows;

	private final Signers signers;

	LinkMails(MailOutbox outbox, SignerContacts contacts, Workflows workflows, Signers signers) {
		this.outbox = outbox;
		this.contacts = contacts;
		this.workflows = workflows;
		this.signers = signers;
	}

	@EventListener
	void issued(SigningLinkIssued issued) {
		recipient(issued.workflowId(), issued.role()).ifPresent((to) -> {
			String document = Wording.document(kind(issued.workflowId()));
			Letter letter = Letter.to()
				.say(issued.reminder() ? "Your " + document + " is still waiting for your signature."
						: "Your " + document + " is ready for you to read and sign.")
				.say("The link below opens it. It works until " + Wording.when(issued.expiresAt())
						+ ". Opening it signs nothing: you read the document first, then decide.")
				.link("Read and sign the " + document, issued.link());
			if (issued.reminder()) {
				letter.say("This link replaces the one we sent before.");
			}
			String subject = issued.reminder() ? "Reminder: please sign your " + document
					: "Please sign your " + document;
			this.outbox.append(letter.mail(issued.reminder() ? "signing-reminder" : "signing-request",
					about(issued.workflowId(), issued.role()), issued.linkRevision(), to, subject));
			// the certificate's identity evidence: where this link went
			this.signers.linkSentTo(issued.workflowId(), issued.role(), issued.linkRevision(), to.address());
		});
	}

	@EventListener
	void expired(SigningLinkExpired expired) {
		recipient(expired.workflowId(), expired.role()).ifPresent((to) -> {
			String document = Wording.document(kind(expired.workflowId()));
			Letter letter = Letter.to()
				.say("The link we sent you to sign your " + document + " has expired, so it no longer works.")
				.say("Nothing was signed. If you still want to sign, reply to the person who asked you to, or"
						+ " ask for a new link on the signing page: a new link arrives by mail.");
			this.outbox.append(letter.mail("link-expired", about(expired.workflowId(), expired.role()),
					expired.linkRevision(), to, "Your signing link has expired"));
		});
	}

	private Optional<Recipient> recipient(UUID workflowId, String role) {
		Optional<Contact> contact = this.contacts.of(workflowId, role).filter((c) -> Recipient.isAddress(c.email()));
		if (contact.isEmpty()) {
			// never fail the signing for a mail: staff can set the address and send the
			// link again
			logger.warn("No usable e-mail address for the {} of workflow {}; no mail written", Wording.role(role),
					workflowId);
		}
		return contact.map((c) -> new Recipient(c.email(), c.name()));
	}

	private DocumentKind kind(UUID workflowId) {
		return this.workflows.find(workflowId).map(SigningWorkflow::kind).orElse(DocumentKind.SUBSCRIPTION_PACK);
	}

	static String about(UUID workflowId, String role) {
		return workflowId + "." + Wording.role(role);
	}

}
