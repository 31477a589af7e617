package dev.vestline.billing.payments;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import dev.vestline.events.Money;
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
		@Nullable UUID invoiceId, @Nullable @Size(max = 50) String paymentReference,
		@NotNull @Positive BigDecimal amount, @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {

	/**
	 * @return what is wrong with the currency or the amount in it (more decimals than the
	 * currency's minor units, not below {@link Money#MAXIMUM}), by field; empty when both
	 * can be held
	 */
	Map<String, String> moneyProblems() {
		String currencyProblem = Money.currencyProblem(this.currency);
		if (currencyProblem != null) {
			return Map.of("currency", currencyProblem);
		}
		String amountProblem = Money.amountProblem(this.amount, this.currency);
		return (amountProblem != null) ? Map.of("amount", amountProblem) : Map.of();
	}

}
