package dev.vestline.events.reconciliation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import dev.vestline.events.Money;
import org.jspecify.annotations.Nullable;

/**
 * A bank statement line was imported, once however often its statement is imported; it
 * now waits to be matched.
 *
 * @param bankTransactionId the imported transaction, the record key
 * @param accountId the bank account it was booked on (e.g. its IBAN)
 * @param bankReference the bank's own reference of the line, unique per account
 * @param amount the amount booked; negative for a debit
 * @param bookingDate the day the bank booked it
 * @param counterpartyName the name of the other party, if the bank gave one
 * @param remittanceInformation the free text or structured reference the payer gave, if
 * any
 * @param importedAt when it was imported
 */
public record BankTransactionImported(UUID bankTransactionId, String accountId, String bankReference, Money amount,
		LocalDate bookingDate, @Nullable String counterpartyName, @Nullable String remittanceInformation,
		Instant importedAt) implements ReconciliationEvent {

	public BankTransactionImported {
		Objects.requireNonNull(bankTransactionId, "bankTransactionId");
		Objects.requireNonNull(accountId, "accountId");
		Objects.requireNonNull(bankReference, "bankReference");
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(bookingDate, "bookingDate");
		Objects.requireNonNull(importedAt, "importedAt");
	}

	@Override
	public String aggregateId() {
		return this.bankTransactionId.toString();
	}

}
