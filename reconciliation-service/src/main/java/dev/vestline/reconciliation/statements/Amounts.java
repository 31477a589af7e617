package dev.vestline.reconciliation.statements;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import dev.vestline.events.Money;

/**
 * Reads the values both statement formats share, naming where a bad one was found: an
 * amount is a plain decimal ({@code 1250.00}, no exponent, ASCII digits) with at most the
 * currency's minor units and a magnitude below {@link Money#MAXIMUM}, never zero.
 */
final class Amounts {

	private static final Pattern PLAIN = Pattern.compile("-?[0-9]{1,18}(\\.[0-9]{1,5})?");

	private Amounts() {
	}

	/**
	 * @param where the line and field, e.g. {@code line 3, amount}
	 * @param text the amount as written
	 * @param currency a currency {@link #currency} accepted
	 * @return the amount with exactly the currency's minor units
	 */
	static BigDecimal amount(String where, String text, String currency) {
		String amount = text.strip();
		if (amount.length() > StatementLimits.AMOUNT_TEXT || !PLAIN.matcher(amount).matches()) {
			throw new MalformedStatementException(where,
					"amount '" + Texts.abbreviated(text) + "' is not a plain decimal such as 1250.00");
		}
		BigDecimal value = new BigDecimal(amount);
		String problem = Money.amountProblem(value, currency);
		if (problem != null) {
			throw new MalformedStatementException(where, "amount " + amount + " " + problem);
		}
		if (value.signum() == 0) {
			throw new MalformedStatementException(where, "amount must not be zero");
		}
		return value.setScale(Money.minorUnits(currency));
	}

	static String currency(String where, String code) {
		String currency = code.strip();
		String problem = Money.currencyProblem(currency);
		if (problem != null) {
			throw new MalformedStatementException(where, Texts.abbreviated(problem));
		}
		return currency;
	}

	static LocalDate date(String where, String text) {
		try {
			// an ISODateTime carries the day in its first ten characters
			String date = text.strip();
			return LocalDate.parse((date.length() > 10) ? date.substring(0, 10) : date);
		}
		catch (DateTimeParseException ex) {
			throw new MalformedStatementException(where, "date '" + Texts.abbreviated(text) + "' is not an ISO date",
					ex);
		}
	}

}
