package dev.vestline.console.operations;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/**
 * Durations and moments in words, as the operations pages show them.
 */
final class Ages {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private Ages() {
	}

	/**
	 * @return e.g. "3 minutes", "less than a second"
	 */
	static String inWords(Duration age) {
		if (age.toSeconds() < 1) {
			return "less than a second";
		}
		if (age.toMinutes() < 1) {
			return plural(age.toSeconds(), "second");
		}
		if (age.toHours() < 1) {
			return plural(age.toMinutes(), "minute");
		}
		if (age.toDays() < 1) {
			return plural(age.toHours(), "hour");
		}
		return plural(age.toDays(), "day");
	}

	/**
	 * @return e.g. "2026-12-07 07:10:11 UTC"
	 */
	static String at(@Nullable Instant moment) {
		return (moment != null) ? UTC.format(moment) : "unknown";
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + ((count == 1) ? "" : "s");
	}

}
