package dev.vestline.console.billing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Instants as the billing pages show them: UTC, to the minute. */
final class Dates {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter
		.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private Dates() {
	}

	static String inWords(Instant instant) {
		return FORMAT.format(instant);
	}

}
