package dev.vestline.billing.payments;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What the payment provider reports: one payment received for an invoice.
 *
 * @param eventId the provider's id of this notification; deliveries are deduplicated on
 * it
 * @param paymentId the provider's id of the payment; one payment is recorded per id
 * @param invoiceId the invoice, if the provider knows it
 * @param paymentReference the invoice's RF creditor reference, otherwise
 * @param amount the amount received
 * @param currency ISO 4217 code
 */
record WebhookPayload(@NotBlank @Size(max = 200) String eventId, @NotBlank @Size(max = 200) String paymentId,
		@Nullable UUID invoiceId, @Nullable String paymentReference, @NotNull @Positive BigDecimal amount,
		@NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {

}
