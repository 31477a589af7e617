package dev.vestline.signature.page;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Declining, as posted.
 *
 * @param reason why the signer declines; the others are told
 */
record DeclineForm(@Nullable @NotBlank(message = "Tell us why you decline, so the others know what to change.") @Size(
		max = 2000, message = "The reason can have at most 2000 characters.") String reason) {

}
