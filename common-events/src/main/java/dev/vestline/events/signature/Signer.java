package dev.vestline.events.signature;

import java.util.Objects;

/**
 * A party who is to sign a workflow's document.
 *
 * @param signerId the signer's id (a user id)
 * @param name the signer's name as it is stamped on the document
 * @param role the capacity in which the signer signs, e.g. {@code INVESTOR},
 * {@code COUNTERPARTY} or {@code ARRANGER}
 */
public record Signer(String signerId, String name, String role) {

	public Signer {
		Objects.requireNonNull(signerId, "signerId");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(role, "role");
	}

}
