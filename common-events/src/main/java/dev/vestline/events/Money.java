package dev.vestline.events;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.jspecify.annotations.Nullable;

/**
 * An amount of money in an explicit currency. The amount travels as a JSON string so that
 * no consumer ever parses it into a binary floating-point number.
 * <p>
 * Every amount Vestline stores, publishes or accepts fits every table and every consumer:
 * at most the currency's minor units (two for EUR, none for JPY) and a magnitude below
 * {@link #MAXIMUM}. The tables hold two decimals, so currencies with three minor units
 * (BHD, KWD, ...) and codes without minor units (XAU, XDR, ...) are not accepted.
 *
 * @param amount the amount, in the currency's major unit (e.g. {@code 1250.00})
 * @param currency the ISO 4217 code, e.g. {@code EUR}
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

	/**
	 * Every amount's magnitude stays below this: 10^15 in the major unit, which leaves
	 * the {@code numeric(19,2)} columns room for sums of a hundred such amounts.
	 */
	public static final BigDecimal MAXIMUM = new BigDecimal("1000000000000000");

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		String currencyProblem = currencyProblem(currency);
		if (currencyProblem != null) {
			throw new IllegalArgumentException(currencyProblem);
		}
		String amountProblem = amountProblem(amount, currency);
		if (amountProblem != null) {
			throw new IllegalArgumentException(amountProblem);
		}
	}

	/**
	 * @param amount the amount, e.g. {@code "1250.00"}
	 * @param currency the ISO 4217 code
	 * @return the money
	 */
	public static Money of(String amount, String currency) {
		return new Money(new BigDecimal(amount), currency);
	}

	/**
	 * @param currency a supported ISO 4217 code
	 * @return how many decimals the currency's minor unit has (2 for EUR, 0 for JPY)
	 */
	public static int minorUnits(String currency) {
		return Currency.getInstance(currency).getDefaultFractionDigits();
	}

	/**
	 * @param currency a code a caller sent
	 * @return why it is not a currency Vestline accepts, or {@code null} if it is one
	 */
	public static @Nullable String currencyProblem(String currency) {
		Currency known;
		try {
			known = Currency.getInstance(currency);
		}
		catch (IllegalArgumentException ex) {
			return "'" + currency + "' is not an ISO 4217 currency code";
		}
		int digits = known.getDefaultFractionDigits();
		if (digits < 0 || digits > 2) {
			return currency + " is not supported: Vestline holds amounts with at most two decimals";
		}
		return null;
	}

	/**
	 * @param amount an amount a caller sent or a computation produced
	 * @param currency a supported ISO 4217 code
	 * @return why the amount cannot be held in that currency (too many decimals, too
	 * large), or {@code null} if it can
	 */
	public static @Nullable String amountProblem(BigDecimal amount, String currency) {
		int digits = minorUnits(currency);
		if (amount.stripTrailingZeros().scale() > digits) {
			return "must have at most " + digits + " decimals in " + currency;
		}
		if (amount.abs().compareTo(MAXIMUM) >= 0) {
			return "must be less than " + MAXIMUM.toPlainString() + " in magnitude";
		}
		return null;
	}

}
