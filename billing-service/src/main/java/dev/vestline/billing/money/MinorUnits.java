package dev.vestline.billing.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import dev.vestline.events.Money;

/**
 * Rounds amounts half-even to a currency's minor units (2 for EUR, 0 for JPY).
 */
public final class MinorUnits {

	private static final BigDecimal BASIS_POINTS = BigDecimal.valueOf(10_000);

	private MinorUnits() {
	}

	/**
	 * @param amount any exact amount
	 * @param currency ISO 4217 code
	 * @return the amount rounded half-even to the currency's minor units
	 */
	public static BigDecimal round(BigDecimal amount, String currency) {
		return amount.setScale(digits(currency), RoundingMode.HALF_EVEN);
	}

	/**
	 * @param amount an amount
	 * @param currency ISO 4217 code
	 * @return whether the amount has no more decimals than the currency's minor units
	 */
	public static boolean fits(BigDecimal amount, String currency) {
		return amount.stripTrailingZeros().scale() <= digits(currency);
	}

	/**
	 * @param base the amount the rate applies to
	 * @param basisPoints the rate, 1 bp = 0.01 %
	 * @param divisor splits an annual rate into periods (1 for none)
	 * @param currency ISO 4217 code
	 * @return {@code base * bp / 10000 / divisor}, rounded once, at the end
	 */
	public static BigDecimal rate(BigDecimal base, int basisPoints, int divisor, String currency) {
		BigDecimal exact = base.multiply(BigDecimal.valueOf(basisPoints))
			.divide(BASIS_POINTS.multiply(BigDecimal.valueOf(divisor)), 12, RoundingMode.HALF_EVEN);
		return round(exact, currency);
	}

	/**
	 * @param amount an amount
	 * @param currency ISO 4217 code
	 * @return the event contract's money, rounded to minor units
	 */
	public static Money money(BigDecimal amount, String currency) {
		return new Money(round(amount, currency), currency);
	}

	private static int digits(String currency) {
		return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
	}

}
