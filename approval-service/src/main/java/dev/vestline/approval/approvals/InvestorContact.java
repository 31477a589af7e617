package dev.vestline.approval.approvals;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.vestline.events.Contact;

/**
 * How the investor is reached, given with the approval request: the signing mails go to
 * this address once the approval is granted.
 *
 * @param name the investor's name, as the mails address them
 * @param email the investor's e-mail address
 */
public record InvestorContact(@NotBlank @Size(max = 200) String name,
		@NotBlank @Email @Size(min = 3, max = 320) String email) {

	Contact contact() {
		return new Contact(this.name, this.email);
	}

}
