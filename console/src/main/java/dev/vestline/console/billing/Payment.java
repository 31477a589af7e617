package dev.vestline.console.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A payment of an invoice as billing-service's API shows it.
 *
 * @param id the payment
 * @param currency ISO 4217
 * @param amount received
 * @param appliedAmount applied to the invoice
 * @param creditAmount kept as the investor's credit
 * @param source BANK, PROVIDER or CREDIT
 * @param externalReference the bank transaction or the provider's payment id
 * @param recordedAt when it was recorded
 * @param reversedAt when it was taken back
 */
record Payment(UUID id, String currency, BigDecimal amount, BigDecimal appliedAmount, BigDecimal creditAmount,
		String source, String externalReference, Instant recordedAt, @Nullable Instant reversedAt) {

	public String amountInWords() {
		return Amounts.inWords(this.amount, this.currency);
	}

	public String appliedInWords() {
		return Amounts.inWords(this.appliedAmount, this.currency);
	}

	public String creditInWords() {
		return Amounts.inWords(this.creditAmount, this.currency);
	}

	public String recordedAtInWords() {
		return Dates.inWords(this.recordedAt);
	}

	public String sourceInWords() {
		return switch (this.source) {
			case "BANK" -> "Bank transfer";
			case "PROVIDER" -> "Payment provider";
			case "CREDIT" -> "Investor credit";
			default -> this.source;
		};
	}

}
