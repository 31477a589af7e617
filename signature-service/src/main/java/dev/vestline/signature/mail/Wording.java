package dev.vestline.signature.mail;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.vestline.events.signature.DocumentKind;

/**
 * The words the mails share: what the document is called and how a time is written (in
 * UTC, with the zone named).
 */
final class Wording {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'",
			Locale.ENGLISH);

	private Wording() {
	}

	static String document(DocumentKind kind) {
		return (kind == DocumentKind.SUBSCRIPTION_PACK) ? "subscription pack" : "non-disclosure agreement (NDA)";
	}

	static String fileName(DocumentKind kind) {
		return (kind == DocumentKind.SUBSCRIPTION_PACK) ? "subscription-pack-signed.pdf" : "nda-signed.pdf";
	}

	static String certificateFileName(DocumentKind kind) {
		return (kind == DocumentKind.SUBSCRIPTION_PACK) ? "subscription-pack-certificate-of-completion.pdf"
				: "nda-certificate-of-completion.pdf";
	}

	static String when(Instant instant) {
		return WHEN.format(instant.atOffset(ZoneOffset.UTC));
	}

	static String role(String role) {
		return role.toLowerCase(Locale.ROOT);
	}

}
