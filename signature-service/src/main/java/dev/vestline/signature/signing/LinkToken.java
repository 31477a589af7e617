package dev.vestline.signature.signing;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

import dev.vestline.signature.documents.Sha256;

/**
 * The secret of a signing link: 256 random bits, URL-safe. Only its SHA-256 is stored.
 *
 * @param value the token as it appears in the link
 */
record LinkToken(String value) {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

	static LinkToken mint() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return new LinkToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	/** Whether the value could be a token at all; anything else is not looked up. */
	boolean wellFormed() {
		return FORMAT.matcher(this.value).matches();
	}

	/** Scopes what is keyed to this link, without the token itself. */
	String scope() {
		return HexFormat.of().formatHex(sha256());
	}

	byte[] sha256() {
		return Sha256.digest(this.value.getBytes(StandardCharsets.US_ASCII));
	}

}
