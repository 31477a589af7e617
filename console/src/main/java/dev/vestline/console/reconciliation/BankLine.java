package dev.vestline.console.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An imported bank line as reconciliation-service shows it.
 *
 * @param id the bank transaction
 * @param accountId the account
 * @param bankReference the bank's reference
 * @param amount negative for a debit
 * @param currency ISO 4217
 * @param bookingDate when the bank booked it
 * @param counterpartyName who paid
 * @param remittanceInformation what the payer wrote
 * @param importedAt when it was imported
 * @param accepted whether an accepted match holds it
 * @param suggestion the open match suggested for it
 * @param noSuggestionReason why nothing was suggested
 */
record BankLine(UUID id, String accountId, String bankReference, BigDecimal amount, String currency,
		LocalDate bookingDate, @Nullable String counterpartyName, @Nullable String remittanceInformation,
		Instant importedAt, boolean accepted, @Nullable UUID suggestion, @Nullable String noSuggestionReason) {

	public String amountInWords() {
		return Amounts.money(this.amount, this.currency);
	}

	/**
	 * A keyset page of lines.
	 *
	 * @param items the lines
	 * @param next the {@code after} of the next page
	 */
	record Page(List<BankLine> items, @Nullable UUID next) {
	}

}
