package dev.vestline.reconciliation.statements;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;

/**
 * Reads the values both statement formats share, naming where a bad one was found.
 */
final class Amounts {

	private Amounts() {
	}

	static BigDecimal amount(String where, String text) {
		try {
			BigDecimal amount = new BigDecimal(text.trim());
			if (amount.scale() > 2 || amount.signum() == 0 || amount.abs().compareTo(new BigDecimal("1e17")) >= 0) {
				throw new MalformedStatementException(where,
						"amount '" + text + "' must be non-zero with at most 2 decimals");
			}
			return amount;
		}
		catch (NumberFormatException ex) {
			throw new MalformedStatementException(where, "amount '" + text + "' is not a decimal number", ex);
		}
	}

	static String currency(String where, String code) {
		try {
			return Currency.getInstance(code.trim()).getCurrencyCode();
		}
		catch (IllegalArgumentException ex) {
			throw new MalformedStatementException(where, "currency '" + code + "' is not an ISO 4217 code", ex);
		}
	}

	static LocalDate date(String where, String text) {
		try {
			// an ISODateTime carries the day in its first ten characters
			return LocalDate.parse((text.length() > 10) ? text.trim().substring(0, 10) : text.trim());
		}
		catch (DateTimeParseException | IndexOutOfBoundsException ex) {
			throw new MalformedStatementException(where, "date '" + text + "' is not an ISO date", ex);
		}
	}

}
