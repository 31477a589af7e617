package dev.vestline.reconciliation.statements;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One line of a bank statement as the bank reported it, before it is imported.
 *
 * @param accountId the account it was booked on, e.g. an IBAN
 * @param bankReference the bank's reference of the line, unique per account
 * @param amount the amount; negative for a debit
 * @param currency the ISO 4217 code
 * @param bookingDate the day it was booked
 * @param counterpartyName the other party, if given
 * @param remittanceInformation what the payer wrote or the structured reference, if given
 */
public record BankLine(String accountId, String bankReference, BigDecimal amount, String currency,
		LocalDate bookingDate, @Nullable String counterpartyName, @Nullable String remittanceInformation) {

	public BankLine {
		Objects.requireNonNull(accountId, "accountId");
		Objects.requireNonNull(bankReference, "bankReference");
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		Objects.requireNonNull(bookingDate, "bookingDate");
	}

	/**
	 * @param other a line with the same account and bank reference
	 * @return whether it reports the same money: then it is a duplicate, otherwise a
	 * conflict
	 */
	boolean sameMoneyAs(BankLine other) {
		return this.amount.compareTo(other.amount) == 0 && this.currency.equals(other.currency)
				&& this.bookingDate.equals(other.bookingDate);
	}

}
