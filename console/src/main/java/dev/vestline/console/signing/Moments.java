package dev.vestline.console.signing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/** Times as staff read them: UTC, with the zone named. */
final class Moments {

	private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private Moments() {
	}

	static String of(@Nullable Instant instant) {
		return (instant != null) ? MOMENT.format(instant) : "";
	}

}
