package dev.vestline.support.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The stable {@code Message-ID} of a mail: one per (kind, what it is about, revision,
 * recipient). A retry after a crash sends the same header, so a mail server or a person
 * can tell the copy; the outbox's unique index turns a second write of the same mail into
 * none. The address appears only hashed.
 */
final class MessageIds {

	private MessageIds() {
	}

	static String of(Mail mail, String domain) {
		String recipient = sha256(mail.to().address().toLowerCase(Locale.ROOT)).substring(0, 16);
		return "<" + safe(mail.kind()) + "." + safe(mail.about()) + "." + mail.revision() + "." + recipient + "@"
				+ domain + ">";
	}

	private static String safe(String part) {
		return part.replaceAll("[^A-Za-z0-9_-]", "-");
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
