package dev.vestline.console.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Amounts and moments as the desk's pages write them. */
final class Amounts {

	private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private Amounts() {
	}

	/** {@code 250,000.00 EUR}. */
	static String money(BigDecimal amount, String currency) {
		return String.format("%,.2f %s", amount, currency);
	}

	static String moment(Instant at) {
		return MOMENT.format(at);
	}

}
