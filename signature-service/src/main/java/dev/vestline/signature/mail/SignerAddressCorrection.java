package dev.vestline.signature.mail;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import dev.vestline.events.Contact;
import dev.vestline.signature.mail.SignerAddressController.CorrectedContact;
import dev.vestline.signature.parties.SignerContacts;
import dev.vestline.signature.signing.LinkRenewal;
import dev.vestline.signature.workflows.Workflows;
import dev.vestline.support.mail.Recipient;
import dev.vestline.support.domain.InvalidInput;
import dev.vestline.support.domain.NotFound;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets a signer's corrected address and sends them a new link there, in one transaction:
 * both happen, or neither.
 */
@Service
class SignerAddressCorrection {

	private static final Set<String> ROLES = Set.of("INVESTOR", "COUNTERPARTY", "ARRANGER");

	private final Workflows workflows;

	private final SignerContacts contacts;

	private final LinkRenewal renewal;

	SignerAddressCorrection(Workflows workflows, SignerContacts contacts, LinkRenewal renewal) {
		this.workflows = workflows;
		this.contacts = contacts;
		this.renewal = renewal;
	}

	@Transactional
	CorrectedContact correct(UUID workflowId, String role, Contact contact, String by) {
		if (!ROLES.contains(role)) {
			throw InvalidInput.field("role", "must be one of " + ROLES);
		}
		if (!Recipient.isAddress(contact.email())) {
			throw InvalidInput.field("email", "must be an e-mail address");
		}
		if (this.workflows.find(workflowId).isEmpty()) {
			throw new NotFound("No workflow " + workflowId + ".");
		}
		this.contacts.put(workflowId, role, contact, by);
		Instant expiresAt = this.renewal.renew(workflowId, role, by); // mails the new
																		// address
		return new CorrectedContact(role, contact.email(), expiresAt);
	}

}
