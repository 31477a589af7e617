package dev.vestline.reconciliation.statements;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.jspecify.annotations.Nullable;

/**
 * An imported bank line and whether an accepted match holds it.
 *
 * @param id the bank transaction
 * @param accountId the account
 * @param bankReference the bank's reference
 * @param amount the amount, negative for a debit
 * @param currency the currency
 * @param bookingDate when the bank booked it
 * @param counterpartyName the other party
 * @param remittanceInformation what the payer wrote
 * @param importedAt when it was imported
 * @param accepted whether an accepted match holds it
 * @param suggestion the open match suggested for it, if any
 * @param noSuggestionReason why auto-matching suggested nothing, e.g. {@code ambiguous:
 * fits subscription ... and subscription ...}
 */
record BankTransaction(UUID id, String accountId, String bankReference,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency, LocalDate bookingDate,
		@Nullable String counterpartyName, @Nullable String remittanceInformation, Instant importedAt, boolean accepted,
		@Nullable UUID suggestion, @Nullable String noSuggestionReason) {

}
