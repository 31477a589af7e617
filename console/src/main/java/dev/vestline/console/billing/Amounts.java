package dev.vestline.console.billing;

import java.math.BigDecimal;
import java.util.Locale;

/** Amounts as the billing pages show them: grouped digits and the currency. */
final class Amounts {

	private Amounts() {
	}

	static String inWords(BigDecimal amount, String currency) {
		return String.format(Locale.ENGLISH, "%,.2f %s", amount, currency);
	}

}
