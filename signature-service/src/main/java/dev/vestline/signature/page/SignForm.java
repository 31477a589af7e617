package dev.vestline.signature.page;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The signing form as posted. The messages are what the page shows beside each field.
 *
 * @param typedName the name typed as the signature
 * @param consent whether the disclosure's box was ticked
 * @param consentVersion the disclosure the page showed
 */
record SignForm(
		@Nullable @NotBlank(message = "Type your full name to sign.") @Size(max = 200,
				message = "Your name can have at most 200 characters.") String typedName,
		@Nullable @NotNull(message = CONSENT) @AssertTrue(message = CONSENT) Boolean consent,
		@Nullable String consentVersion) {

	static final String CONSENT = "Tick the box to agree to sign electronically.";

	public boolean consented() {
		return Boolean.TRUE.equals(this.consent);
	}

}
