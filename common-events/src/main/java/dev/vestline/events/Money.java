package dev.vestline.events;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * An amount of money in an explicit currency. The amount travels as a JSON string so that
 * no consumer ever parses it into a binary floating-point number.
 *
 * @param amount the amount, in the currency's major unit (e.g. {@code 1250.00})
 * @param currency the ISO 4217 code, e.g. {@code EUR}
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		Currency.getInstance(currency); // rejects anything that is not an ISO 4217 code
	}

	/**
	 * @param amount the amount, e.g. {@code "1250.00"}
	 * @param currency the ISO 4217 code
	 * @return the money
	 */
	public static Money of(String amount, String currency) {
		return new Money(new BigDecimal(amount), currency);
	}

}
