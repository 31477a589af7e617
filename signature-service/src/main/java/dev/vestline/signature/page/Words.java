package dev.vestline.signature.page;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dev.vestline.events.signature.DocumentKind;

/**
 * How the pages say things: documents, roles and times (always in UTC, named).
 */
final class Words {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.UK)
		.withZone(ZoneOffset.UTC);

	private Words() {
	}

	static String document(DocumentKind kind) {
		return (kind == DocumentKind.SUBSCRIPTION_PACK) ? "subscription pack" : "non-disclosure agreement (NDA)";
	}

	static String fileName(DocumentKind kind, boolean sealed) {
		String name = (kind == DocumentKind.SUBSCRIPTION_PACK) ? "subscription-pack" : "nda";
		return name + (sealed ? "-signed" : "") + ".pdf";
	}

	static String role(String role) {
		return role.toLowerCase(Locale.ROOT);
	}

	static String when(Instant instant) {
		return WHEN.format(instant);
	}

	/** "Ada", "Ada and Cole", "Ada, Bob and Cole". */
	static String and(List<String> names) {
		if (names.size() <= 1) {
			return String.join("", names);
		}
		return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
	}

}
